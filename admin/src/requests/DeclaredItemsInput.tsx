import { InputAdornment } from '@mui/material';
import {
  ArrayInput,
  FormDataConsumer,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../enums.ts';
import { yuanToFen } from '../money.ts';

const yuanAdornment = { startAdornment: <InputAdornment position="start">¥</InputAdornment> };
const validYuan = (value: unknown) =>
  value === undefined || value === null || value === '' || yuanToFen(String(value)) !== null
    ? undefined
    : 'hub.money.invalid_yuan';

// PROPERTY and BUSINESS are counted (1 each); the source of income and rigid expenditure is one of the hub's codes.
const COUNTED = new Set(['PROPERTY', 'BUSINESS']);

/** The member an item belongs to, chosen among the members typed above (their identity numbers). */
function MemberSelect({ source }: { source: string }) {
  const members = (useWatch({ name: 'members' }) ?? []) as { idNumber?: string; name?: string }[];
  const choices = members
    .filter((member) => member?.idNumber)
    .map((member) => ({ id: String(member.idNumber).trim().toUpperCase(), name: member.name || member.idNumber }));
  return (
    <SelectInput
      source={source}
      choices={choices}
      label="resources.VerificationRequest.fields.memberIdNumber"
      validate={required()}
    />
  );
}

/** Declared income, assets and rigid expenditure (刚性支出), one row per item. */
export function DeclaredItemsInput() {
  const translate = useTranslate();
  return (
    <ArrayInput source="items" label="resources.VerificationRequest.fields.items">
      <SimpleFormIterator inline disableReordering>
        <SelectInput
          source="category"
          choices={enumChoices('DeclaredItemCategory')}
          validate={required()}
          label="resources.VerificationRequest.fields.category"
        />
        {/* Inputs under the iterator name their source relative to the row (react-admin's SourceContext). */}
        <FormDataConsumer>
          {({ scopedFormData }) => {
            const category = scopedFormData?.category as string | undefined;
            if (!category) return null;
            return (
              <>
                {category !== 'RIGID_EXPENDITURE' && <MemberSelect source="memberIdNumber" />}
                {category === 'INCOME' || category === 'RIGID_EXPENDITURE' ? (
                  <SelectInput
                    source="source"
                    choices={enumChoices(category === 'INCOME' ? 'IncomeSource' : 'RigidExpenditureSource')}
                    validate={required()}
                    label="resources.VerificationRequest.fields.source"
                  />
                ) : (
                  <TextInput
                    source="source"
                    validate={required()}
                    label="resources.VerificationRequest.fields.source"
                    helperText={translate(`hub.requests.source_hint.${category}`)}
                  />
                )}
                {!COUNTED.has(category) && (
                  <TextInput
                    source="amountYuan"
                    validate={[required(), validYuan]}
                    label={`hub.requests.amount.${category}`}
                    slotProps={{ input: yuanAdornment }}
                  />
                )}
              </>
            );
          }}
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  );
}
