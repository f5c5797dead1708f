import { Datagrid, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('DepartmentKind')} alwaysOn />,
];

export const DepartmentList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" sortable={false} />
      <TextField source="name" sortable={false} />
      <EnumField source="kind" enum="DepartmentKind" sortable={false} />
      <TextField source="region.name" sortable={false} />
    </Datagrid>
  </List>
);
