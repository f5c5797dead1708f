import { Alert } from '@mui/material';
import { Datagrid, List, TextField, TextInput, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { PurposeSelect } from './PurposeSelect.tsx';

const filters = [
  <TextInput key="idNumber" source="idNumber" alwaysOn resettable />,
  <TextInput key="name" source="name" alwaysOn resettable />,
];

function PersonGrid() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  if (!filterValues.idNumber && !filterValues.name)
    return <Alert severity="info">{translate('hub.persons.search_hint')}</Alert>;
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="idNumber" sortable={false} />
      <TextField source="name" sortable={false} />
      <EnumField source="sex" enum="Sex" sortable={false} />
      <DayField source="birthDate" sortable={false} />
      <EnumField source="relation" enum="Relation" sortable={false} />
      <TextField source="household.address" label="resources.Household.fields.address" sortable={false} />
    </Datagrid>
  );
}

// The identity number searched for stays out of the address and the store: neither is synced to the filter.
export const PersonList = () => (
  <List
    filters={filters}
    disableSyncWithLocation
    storeKey={false}
    actions={
      <TopToolbar>
        <PurposeSelect />
      </TopToolbar>
    }
    empty={false}
  >
    <PersonGrid />
  </List>
);
