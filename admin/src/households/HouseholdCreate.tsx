import { Create, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { RegionInput } from '../standards/RegionInput.tsx';
import { MembersInput } from './MembersInput.tsx';
import { todayInChina } from './register-mutations.ts';

/** Registers a household: its region picked by name, its members from `validFrom` (exactly one head). */
export const HouseholdCreate = () => (
  <Create redirect="show">
    <SimpleForm
      // Each input is checked as soon as it is left (an identity number's check character).
      mode="onBlur"
      reValidateMode="onBlur"
      defaultValues={{ areaType: 'RURAL', validFrom: todayInChina(), members: [{ relation: 'HEAD' }] }}
    >
      <RegionInput source="regionCode" validate={required()} label="resources.Household.fields.regionPicker" />
      <SelectInput source="areaType" choices={enumChoices('AreaType')} validate={required()} />
      <TextInput source="address" validate={required()} fullWidth />
      <TextInput source="registerNumber" helperText="hub.register.register_number_hint" />
      <DayInput source="validFrom" validate={required()} />
      <MembersInput />
    </SimpleForm>
  </Create>
);
