import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  DateInput,
  Form,
  required,
  SaveButton,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { todayInChina, UPDATE_ASSISTANCE_CASE } from './register-mutations.ts';

/** Closes a case: TERMINATED from its last day on. A terminated case changes no more (record a new one). */
export function CloseCaseButton() {
  const assistanceCase = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!assistanceCase || assistanceCase.status === 'TERMINATED') return null;
  const submit = async (values: Record<string, string>) => {
    try {
      await dataProvider.mutate(UPDATE_ASSISTANCE_CASE, {
        id: assistanceCase.id,
        input: { status: 'TERMINATED', endedOn: values.endedOn },
      });
      notify('hub.register.case_closed', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" color="warning" onClick={() => setOpen(true)}>
        {translate('hub.register.close_case')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="close-case-title">
        <Form onSubmit={submit} defaultValues={{ endedOn: todayInChina() }}>
          <DialogTitle id="close-case-title">{translate('hub.register.close_case')}</DialogTitle>
          <DialogContent>
            <DateInput source="endedOn" label="hub.columns.endedOn" validate={required()} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="hub.register.close_case" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
