import { CreateButton, List, SelectInput, TextField, TopToolbar } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { ResponsiveDatagrid } from '../layout/ResponsiveDatagrid.tsx';
import { REQUEST_STATUS_TONES } from './request-status-tones.ts';

const filters = [<SelectInput key="s" source="status" choices={enumChoices('VerificationRequestStatus')} alwaysOn />];

/** The office's own requests, latest first, filtered by state on the hub. */
export const RequestList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="reference" sortable={false} />
      <EnumField source="kind" enum="AssistanceKind" sortable={false} />
      <DayField source="submittedOn" sortable={false} />
      <EnumField source="status" enum="VerificationRequestStatus" tones={REQUEST_STATUS_TONES} sortable={false} />
      <EnumField source="classification" enum="HouseholdClassification" sortable={false} />
    </ResponsiveDatagrid>
  </List>
);
