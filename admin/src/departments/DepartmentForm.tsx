import { required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { RegionInput } from '../standards/RegionInput.tsx';

export const DepartmentForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="code" validate={required()} disabled={!creating} helperText="hub.departments.code_hint" />
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="kind" choices={enumChoices('DepartmentKind')} validate={required()} disabled={!creating} />
    <RegionInput source="regionCode" validate={required()} />
  </SimpleForm>
);
