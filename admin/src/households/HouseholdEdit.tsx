import { Edit, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { RegionInput } from '../standards/RegionInput.tsx';

/** Corrects a household's region (picked by name), area, address or 户编号; members and cases are edited on its page. */
export const HouseholdEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm mode="onBlur" reValidateMode="onBlur">
      <RegionInput source="regionCode" validate={required()} label="resources.Household.fields.regionPicker" />
      <SelectInput source="areaType" choices={enumChoices('AreaType')} validate={required()} />
      <TextInput source="address" validate={required()} fullWidth />
      <TextInput source="registerNumber" helperText="hub.register.register_number_hint" />
    </SimpleForm>
  </Edit>
);
