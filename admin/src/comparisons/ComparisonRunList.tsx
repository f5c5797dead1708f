import { CreateButton, Datagrid, DateField, List, SelectInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { LiveRunProgress } from './LiveRunProgress.tsx';
import { RUN_STATUS_TONES } from './run-status-tones.ts';

const filters = [
  <SelectInput key="k" source="kind" choices={enumChoices('ComparisonKind')} alwaysOn />,
  <TextInput key="r" source="regionCode" alwaysOn resettable />,
];

export const ComparisonRunList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton label="hub.runs.start" />
      </TopToolbar>
    }
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <EnumField source="kind" enum="ComparisonKind" sortable={false} />
      <TextField source="region.name" label="resources.ComparisonRun.fields.region" sortable={false} emptyText="—" />
      <DateField source="asOf" sortable={false} />
      <EnumField source="status" enum="ComparisonRunStatus" tones={RUN_STATUS_TONES} sortable={false} />
      <LiveRunProgress label="resources.ComparisonRun.fields.progress" />
      <DateField source="createdAt" showTime sortable={false} />
      <TextField
        source="startedBy.displayName"
        label="resources.ComparisonRun.fields.startedBy"
        sortable={false}
        emptyText="—"
      />
    </Datagrid>
  </List>
);
