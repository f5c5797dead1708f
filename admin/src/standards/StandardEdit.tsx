import { Create, Edit, minValue, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { RegionInput } from './RegionInput.tsx';

// One standard per region, year and area type: saving either form sets that one (an upsert on the hub).
const StandardForm = ({ fixedKey }: { fixedKey?: boolean }) => (
  <SimpleForm>
    {fixedKey ? <TextInput source="regionCode" disabled /> : <RegionInput source="regionCode" validate={required()} />}
    <NumberInput source="year" validate={[required(), minValue(2000)]} disabled={fixedKey} />
    <SelectInput source="areaType" choices={enumChoices('AreaType')} validate={required()} disabled={fixedKey} />
    <NumberInput
      source="minimumLivingMonthlyFen"
      validate={[required(), minValue(1)]}
      helperText="hub.standards.fen_hint"
    />
    <TextInput source="lowIncomeMultiplier" helperText="hub.standards.multiplier_hint" />
    <NumberInput source="financialAssetMonths" validate={minValue(0)} />
    <TextInput source="exemptVehicleMaxValueFen" helperText="hub.standards.vehicle_hint" />
    <NumberInput source="gracePeriodMonths" validate={minValue(0)} />
  </SimpleForm>
);

export const StandardEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    queryOptions={{ select: (standard) => ({ ...standard, regionCode: standard.region?.code }) }}
  >
    <StandardForm fixedKey />
  </Edit>
);

export const StandardCreate = () => (
  <Create redirect="list" record={{ year: new Date().getFullYear(), areaType: 'URBAN', lowIncomeMultiplier: '1.5' }}>
    <StandardForm />
  </Create>
);
