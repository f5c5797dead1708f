import { Datagrid, List, SearchInput, SelectInput, SimpleList, TextField, useTranslate } from 'react-admin';
import { enumChoices, enumLabel } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { useSmallScreen } from '../layout/use-small-screen.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('DepartmentKind')} alwaysOn />,
];

/** On a phone, one entry per department: its name, then its kind and code, then its region. */
function PhoneDepartments() {
  const translate = useTranslate();
  return (
    <SimpleList
      rowClick="show"
      primaryText={(department) => department.name}
      secondaryText={(department) => `${translate(enumLabel('DepartmentKind', department.kind))} · ${department.code}`}
      tertiaryText={(department) => department.region?.name ?? ''}
    />
  );
}

export const DepartmentList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    {useSmallScreen() ? (
      <PhoneDepartments />
    ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" sortable={false} />
        <TextField source="name" sortable={false} />
        <EnumField source="kind" enum="DepartmentKind" sortable={false} />
        <TextField source="region.name" sortable={false} />
      </Datagrid>
    )}
  </List>
);
