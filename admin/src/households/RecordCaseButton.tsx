import AddIcon from '@mui/icons-material/Add';
import { InputAdornment } from '@mui/material';
import { FormDataConsumer, required, SelectInput, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { enumChoices } from '../enums.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { yuanToFen } from '../money.ts';
import { RegisterChangeDialog } from './RegisterChangeDialog.tsx';
import { RECORD_ASSISTANCE_CASE, todayInChina } from './register-mutations.ts';

const validYuan = (value: unknown) => (yuanToFen(String(value ?? '')) === null ? 'hub.money.invalid_yuan' : undefined);

/** Opens an assistance case (低保, 低收入, 特困, 临时救助) for the household; the amount is typed in yuan. */
export function RecordCaseButton() {
  const household = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  if (!household) return null;
  const currentMembers = (household.memberships ?? []).filter((m: { validTo: string | null }) => !m.validTo);
  return (
    <RegisterChangeDialog
      action="hub.register.record_case"
      icon={<AddIcon />}
      defaultValues={{ kind: 'MINIMUM_LIVING_GUARANTEE', status: 'ACTIVE', startedOn: todayInChina() }}
      change={(values) =>
        dataProvider.mutate(RECORD_ASSISTANCE_CASE, {
          input: {
            householdId: household.id,
            caseNumber: values.caseNumber?.trim() || null,
            kind: values.kind,
            status: values.status,
            startedOn: values.startedOn,
            monthlyAmountFen: Number(yuanToFen(values.monthlyAmountYuan)),
            singlePersonIdNumber: values.singlePersonIdNumber || null,
            gracePeriodStartedOn: values.status === 'GRACE_PERIOD' ? values.gracePeriodStartedOn : null,
          },
        })
      }
      done="hub.register.case_recorded"
    >
      <TextInput source="caseNumber" label="hub.columns.caseNumber" />
      <SelectInput
        source="kind"
        label="hub.columns.kind"
        choices={enumChoices('AssistanceKind')}
        validate={required()}
      />
      <SelectInput
        source="status"
        label="hub.columns.status"
        choices={enumChoices('CaseStatus')}
        validate={required()}
      />
      <DayInput source="startedOn" label="hub.columns.startedOn" validate={required()} />
      <TextInput
        source="monthlyAmountYuan"
        label="hub.columns.monthlyAmountFen"
        validate={[required(), validYuan]}
        slotProps={{ input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> } }}
      />
      <SelectInput
        source="singlePersonIdNumber"
        label="hub.register.single_person"
        emptyText="hub.register.whole_household"
        choices={currentMembers.map((m: { person: { idNumber: string; name: string } }) => ({
          id: m.person.idNumber,
          name: m.person.name,
        }))}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.status === 'GRACE_PERIOD' && (
            <DayInput
              source="gracePeriodStartedOn"
              label="hub.register.grace_period_started_on"
              validate={required()}
            />
          )
        }
      </FormDataConsumer>
    </RegisterChangeDialog>
  );
}
