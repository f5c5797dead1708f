import { InputAdornment } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  Create,
  Edit,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useSaveContext,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { enumChoices } from '../enums.ts';
import { formatFen, yuanToFen } from '../money.ts';
import { RegionInput } from './RegionInput.tsx';
import {
  isImplausibleMonthlyStandard,
  PLAUSIBLE_MONTHLY_STANDARD_FEN,
  standardInYuan,
  validateMonthlyStandardYuan,
  validateYuan,
} from './standard-amounts.ts';

const yuanAdornment = { startAdornment: <InputAdornment position="start">¥</InputAdornment> };

// One standard per region, year and area type: saving either form sets that one (an upsert on the hub).
// Money is typed in yuan; a standard outside the usual range is saved only once the officer confirms it.
const StandardForm = ({ fixedKey }: { fixedKey?: boolean }) => {
  const { save } = useSaveContext();
  const [unconfirmed, setUnconfirmed] = useState<FieldValues | null>(null);
  const submit = (values: FieldValues) => {
    if (!isImplausibleMonthlyStandard(values.minimumLivingMonthlyYuan)) return save?.(values);
    setUnconfirmed(values);
    return undefined;
  };
  return (
    <>
      <SimpleForm onSubmit={submit}>
        <RegionInput source="regionCode" validate={required()} disabled={fixedKey} />
        <NumberInput source="year" validate={[required(), minValue(2000)]} disabled={fixedKey} />
        <SelectInput source="areaType" choices={enumChoices('AreaType')} validate={required()} disabled={fixedKey} />
        <TextInput
          source="minimumLivingMonthlyYuan"
          validate={[required(), validateMonthlyStandardYuan]}
          helperText="hub.standards.yuan_hint"
          slotProps={{ input: yuanAdornment }}
        />
        <TextInput source="lowIncomeMultiplier" helperText="hub.standards.multiplier_hint" />
        <NumberInput source="financialAssetMonths" validate={minValue(0)} />
        <TextInput
          source="exemptVehicleMaxValueYuan"
          validate={validateYuan}
          helperText="hub.standards.vehicle_hint"
          slotProps={{ input: yuanAdornment }}
        />
        <NumberInput source="gracePeriodMonths" validate={minValue(0)} />
      </SimpleForm>
      <Confirm
        isOpen={unconfirmed !== null}
        title="hub.standards.confirm_title"
        content="hub.standards.confirm_implausible"
        translateOptions={{
          amount: formatFen(yuanToFen(unconfirmed?.minimumLivingMonthlyYuan), 'zh-CN'),
          minimum: formatFen(PLAUSIBLE_MONTHLY_STANDARD_FEN.minimum, 'zh-CN'),
          maximum: formatFen(PLAUSIBLE_MONTHLY_STANDARD_FEN.maximum, 'zh-CN'),
        }}
        onConfirm={() => {
          if (unconfirmed) void save?.(unconfirmed);
          setUnconfirmed(null);
        }}
        onClose={() => setUnconfirmed(null)}
      />
    </>
  );
};

export const StandardEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" queryOptions={{ select: standardInYuan }}>
    <StandardForm fixedKey />
  </Edit>
);

export const StandardCreate = () => (
  <Create redirect="list" record={{ year: new Date().getFullYear(), areaType: 'URBAN', lowIncomeMultiplier: '1.5' }}>
    <StandardForm />
  </Create>
);
