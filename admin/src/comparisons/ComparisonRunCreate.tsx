import { Alert } from '@mui/material';
import {
  Create,
  FormDataConsumer,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { lastMonthEndInChina } from '../china-time.ts';
import { enumChoices } from '../enums.ts';
import { readSession } from '../hub-session.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { RegionInput } from '../standards/RegionInput.tsx';

// An APPLICATION run compares the applying households named; every other kind, a region's enrolled households.
// biome-ignore lint/suspicious/noExplicitAny: a react-admin form's values
const toInput = (data: any) => ({
  ...data,
  householdIds:
    data.kind === 'APPLICATION'
      ? String(data.householdIdsText ?? '')
          .split(/[\s,，]+/)
          .filter(Boolean)
      : undefined,
});

function KindHint({ kind }: { kind: string }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate(`hub.runs.kind_hint.${kind}`)}
    </Alert>
  );
}

// A review looks at the month that has ended (its data delivered); the chunk size is a setting for administrators
// tuning the workers, not a question for an officer.
export const ComparisonRunCreate = () => (
  <Create transform={toInput} redirect="show" record={{ kind: 'PERIODIC_REVIEW', asOf: lastMonthEndInChina() }}>
    <SimpleForm>
      <SelectInput source="kind" choices={enumChoices('ComparisonKind')} validate={required()} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind ? (
            <>
              <KindHint kind={formData.kind} />
              {formData.kind === 'APPLICATION' ? (
                <TextInput
                  source="householdIdsText"
                  multiline
                  minRows={3}
                  fullWidth
                  validate={required()}
                  label="resources.ComparisonRun.fields.householdIds"
                  helperText="hub.runs.household_ids_hint"
                />
              ) : (
                <RegionInput source="regionCode" validate={required()} label="resources.ComparisonRun.fields.region" />
              )}
            </>
          ) : null
        }
      </FormDataConsumer>
      <DayInput source="asOf" validate={required()} />
      {readSession()?.user.role === 'ADMIN' ? (
        <NumberInput source="chunkSize" helperText="hub.runs.chunk_hint" />
      ) : null}
    </SimpleForm>
  </Create>
);
