import {
  CreateButton,
  Datagrid,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { enumChoices, enumLabel } from '../enums.ts';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { useSmallScreen } from '../layout/use-small-screen.ts';
import { LiveRunProgress } from './LiveRunProgress.tsx';
import { RUN_STATUS_TONES } from './run-status-tones.ts';

const filters = [
  <SelectInput key="k" source="kind" choices={enumChoices('ComparisonKind')} alwaysOn />,
  <TextInput key="r" source="regionCode" alwaysOn resettable />,
];

/** On a phone, one entry per run: its kind and region, its status and as-of date, and when it was started. */
function PhoneRuns() {
  const translate = useTranslate();
  return (
    <SimpleList
      rowClick="show"
      primaryText={(run) => `${translate(enumLabel('ComparisonKind', run.kind))} · ${run.region?.name ?? '—'}`}
      secondaryText={(run) =>
        `${translate(enumLabel('ComparisonRunStatus', run.status))} · ${translate('resources.ComparisonRun.fields.asOf')} ${run.asOf}`
      }
      tertiaryText={<HubDateField source="createdAt" seconds={false} />}
    />
  );
}

export const ComparisonRunList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton label="hub.runs.start" />
      </TopToolbar>
    }
  >
    {useSmallScreen() ? (
      <PhoneRuns />
    ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <EnumField source="kind" enum="ComparisonKind" sortable={false} />
        <TextField source="region.name" label="resources.ComparisonRun.fields.region" sortable={false} emptyText="—" />
        <DayField source="asOf" sortable={false} />
        <EnumField source="status" enum="ComparisonRunStatus" tones={RUN_STATUS_TONES} sortable={false} />
        <LiveRunProgress label="resources.ComparisonRun.fields.progress" />
        <HubDateField source="createdAt" sortable={false} />
        <TextField
          source="startedBy.displayName"
          label="resources.ComparisonRun.fields.startedBy"
          sortable={false}
          emptyText="—"
        />
      </Datagrid>
    )}
  </List>
);
