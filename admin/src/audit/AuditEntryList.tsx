import { Box } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  DateField,
  DateTimeInput,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  useListContext,
} from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { AuditEntryDetail } from './AuditEntryDetail.tsx';
import { ChainVerification } from './ChainVerification.tsx';
import { DisclosureRecordButton } from './DisclosureRecordButton.tsx';

const DECISION_TONES = { ALLOWED: 'success', PARTIAL: 'warning', DENIED: 'error' } as const;

// "Who saw this person": the subject's identity number finds every entry about them and about their household.
const filters = [
  <TextInput key="s" source="subjectIdNumber" alwaysOn resettable sx={{ minWidth: 260 }} />,
  <ReferenceInput key="d" source="departmentId" reference="Department" alwaysOn>
    <SelectInput optionText="name" label="resources.AuditEntry.fields.department" />
  </ReferenceInput>,
  <TextInput key="a" source="actorName" alwaysOn resettable />,
  <TextInput key="i" source="itemCode" resettable />,
  <SelectInput key="c" source="decision" choices={enumChoices('AuditDecision')} />,
  <DateTimeInput key="f" source="occurredFrom" />,
  <DateTimeInput key="t" source="occurredTo" />,
  <SelectInput key="e" source="event" choices={enumChoices('AuditEventType')} />,
  <BooleanInput key="b" source="includeBookkeeping" />,
];

// The access record of the subject the list is filtered by.
function SubjectDisclosureRecordButton() {
  const { filterValues } = useListContext();
  return <DisclosureRecordButton idNumber={String(filterValues.subjectIdNumber ?? '')} />;
}

const actions = (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
    <SubjectDisclosureRecordButton />
    <ChainVerification />
  </Box>
);

export const AuditEntryList = () => (
  <List filters={filters} perPage={25} aside={undefined} actions={actions}>
    <Datagrid bulkActionButtons={false} expand={<AuditEntryDetail />} rowClick="expand">
      <TextField source="sequence" sortable={false} />
      <DateField source="occurredAt" showTime sortable={false} />
      <TextField source="actorName" sortable={false} />
      <TextField
        source="department.name"
        label="resources.AuditEntry.fields.department"
        sortable={false}
        emptyText="—"
      />
      <EnumField source="purpose" enum="Purpose" sortable={false} />
      <TextField source="label" sortable={false} />
      <TextField source="subjectIdNumber" sortable={false} emptyText="—" />
      <EnumField source="decision" enum="AuditDecision" tones={DECISION_TONES} sortable={false} />
    </Datagrid>
  </List>
);
