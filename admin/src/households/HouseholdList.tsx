import { BooleanField, Datagrid, List, NumberField, TextField, TextInput, TopToolbar } from 'react-admin';
import { EnumField } from '../fields/EnumField.tsx';
import { PurposeSelect } from '../persons/PurposeSelect.tsx';

const filters = [<TextInput key="regionCode" source="regionCode" alwaysOn resettable />];

export const HouseholdList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <PurposeSelect />
      </TopToolbar>
    }
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="address" sortable={false} emptyText="—" />
      <TextField source="region.name" label="resources.Household.fields.region" sortable={false} />
      <EnumField source="areaType" enum="AreaType" sortable={false} />
      <NumberField source="memberCount" sortable={false} />
      <BooleanField source="receivesMinimumLivingGuarantee" sortable={false} />
    </Datagrid>
  </List>
);
