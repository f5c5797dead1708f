import { Typography } from '@mui/material';
import {
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../enums.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { AgreementMatrix } from './AgreementMatrix.tsx';

// biome-ignore lint/suspicious/noExplicitAny: a react-admin form's values
const validateWindow = (values: any) =>
  values.validFrom && values.validUntil && values.validUntil < values.validFrom
    ? { validUntil: 'hub.agreements.until_before_from' }
    : {};

export function AgreementForm() {
  const translate = useTranslate();
  return (
    <SimpleForm validate={validateWindow}>
      <TextInput source="code" validate={required()} helperText="hub.agreements.code_hint" />
      <TextInput source="title" validate={required()} fullWidth />
      <ReferenceInput source="providerDepartmentId" reference="Department">
        <SelectInput optionText="name" validate={required()} label="resources.SharingAgreement.fields.provider" />
      </ReferenceInput>
      <ReferenceInput source="consumerDepartmentId" reference="Department">
        <SelectInput optionText="name" validate={required()} label="resources.SharingAgreement.fields.consumer" />
      </ReferenceInput>
      <SelectArrayInput source="purposes" choices={enumChoices('Purpose')} validate={required()} />
      <DayInput source="validFrom" validate={required()} />
      <DayInput source="validUntil" validate={required()} />
      <NumberInput source="dailyQueryQuota" validate={minValue(1)} helperText="hub.agreements.quota_hint" />
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate('hub.matrix.title')}
      </Typography>
      <AgreementMatrix />
    </SimpleForm>
  );
}
