import { BooleanField, CreateButton, Datagrid, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../fields/EnumField.tsx';
import { PurposeSelect } from '../persons/PurposeSelect.tsx';
import { RegionInput } from '../standards/RegionInput.tsx';

// The region is picked by name (e.g. 兴庆区); the hub lists that region's households and those below it.
const filters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn label="resources.Household.fields.region" />,
];

export const HouseholdList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
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
