import {
  Datagrid,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices, enumLabel } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { householdHeadName } from '../households/HeadNameField.tsx';
import { useSmallScreen } from '../layout/use-small-screen.ts';
import { CaseExportButton } from './CaseExportButton.tsx';
import { CASE_STATUS_TONES } from './case-status-tones.ts';
import { DueOnField } from './DueOnField.tsx';
import { InboxTabs } from './InboxTabs.tsx';

// A filter never wider than the screen, whatever the longest choice it holds (English flag names are long).
const NARROW_ENOUGH_FOR_A_PHONE = { maxWidth: 'calc(100vw - 32px)', '& .MuiSelect-select': { minWidth: 0 } };

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={enumChoices('DiscrepancyCaseStatus')}
    alwaysOn
    sx={NARROW_ENOUGH_FOR_A_PHONE}
  />,
  <SelectInput
    key="flag"
    source="flag"
    label="resources.DiscrepancyCase.fields.flags"
    choices={enumChoices('AssessmentFlagCode')}
    alwaysOn
    sx={NARROW_ENOUGH_FOR_A_PHONE}
  />,
];

/** The household by its head's name, as the hub discloses it (masked, 张*): never by its id. */
function CaseHeadName(_props: { label: string }) {
  const found = useRecordContext();
  return <span style={{ whiteSpace: 'nowrap' }}>{householdHeadName(found?.household)}</span>;
}

/** On a phone, one entry per case: the head's name and region, the flags, and the due date (red when overdue). */
function PhoneCases() {
  const translate = useTranslate();
  return (
    <SimpleList
      rowClick="show"
      primaryText={(found) => `${householdHeadName(found.household)} · ${found.household?.region?.name ?? ''}`}
      secondaryText={(found) =>
        (found.flags ?? []).map((flag: string) => translate(enumLabel('AssessmentFlagCode', flag))).join('、')
      }
      tertiaryText={(found) => translate(enumLabel('DiscrepancyCaseStatus', found.status))}
      rowSx={(found) => (found.overdue ? { borderLeft: '4px solid #d32f2f' } : {})}
    />
  );
}

/** The officer's inbox: the cases within reach, the soonest due first, paged on the hub. */
export const CaseList = () => {
  const small = useSmallScreen();
  return (
    <List
      // On a phone the filters and the toolbar wrap to the screen's width rather than widening the page.
      sx={{
        minWidth: 0,
        maxWidth: '100%',
        '& .RaList-main, & .RaList-actions, & .RaFilterForm-root, & .RaFilterFormInput-root': {
          minWidth: 0,
          maxWidth: '100%',
        },
      }}
      filters={filters}
      filterDefaultValues={{ inbox: 'OFFICE' }}
      actions={
        <TopToolbar>
          <CaseExportButton />
        </TopToolbar>
      }
      sort={{ field: 'dueOn', order: 'ASC' }}
    >
      <InboxTabs />
      {small ? (
        <PhoneCases />
      ) : (
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          rowSx={(found) => (found.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.06)' } : {})}
        >
          <CaseHeadName label="resources.DiscrepancyCase.fields.head" />
          <TextField source="household.region.name" label="resources.DiscrepancyCase.fields.region" sortable={false} />
          <EnumField source="flags" enum="AssessmentFlagCode" chip sortable={false} />
          <EnumField source="status" enum="DiscrepancyCaseStatus" tones={CASE_STATUS_TONES} sortable={false} />
          <DueOnField source="dueOn" sortable={false} />
          <TextField source="assigneeName" emptyText="—" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};
