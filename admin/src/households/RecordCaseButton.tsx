import AddIcon from '@mui/icons-material/Add';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, InputAdornment } from '@mui/material';
import { useState } from 'react';
import {
  DateInput,
  Form,
  FormDataConsumer,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { enumChoices } from '../enums.ts';
import { yuanToFen } from '../money.ts';
import { RECORD_ASSISTANCE_CASE, todayInChina } from './register-mutations.ts';

const validYuan = (value: unknown) => (yuanToFen(String(value ?? '')) === null ? 'hub.money.invalid_yuan' : undefined);

/** Opens an assistance case (低保, 低收入, 特困, 临时救助) for the household; the amount is typed in yuan. */
export function RecordCaseButton() {
  const household = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!household) return null;
  const currentMembers = (household.memberships ?? []).filter((m: { validTo: string | null }) => !m.validTo);
  const submit = async (values: Record<string, string>) => {
    try {
      await dataProvider.mutate(RECORD_ASSISTANCE_CASE, {
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
      });
      notify('hub.register.case_recorded', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('hub.register.record_case')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="record-case-title">
        <Form
          onSubmit={submit}
          defaultValues={{ kind: 'MINIMUM_LIVING_GUARANTEE', status: 'ACTIVE', startedOn: todayInChina() }}
        >
          <DialogTitle id="record-case-title">{translate('hub.register.record_case')}</DialogTitle>
          <DialogContent>
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
            <DateInput source="startedOn" label="hub.columns.startedOn" validate={required()} />
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
                  <DateInput
                    source="gracePeriodStartedOn"
                    label="hub.register.grace_period_started_on"
                    validate={required()}
                  />
                )
              }
            </FormDataConsumer>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="hub.register.record_case" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
