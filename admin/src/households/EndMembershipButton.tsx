import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
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
import { END_HOUSEHOLD_MEMBERSHIP, todayInChina } from './register-mutations.ts';

/** Ends a current membership from a day on (the person leaves); the row stays in the history. */
export function EndMembershipButton({ householdId }: { householdId: string }) {
  const membership = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!membership || membership.validTo) return null;
  const submit = async (values: Record<string, string>) => {
    try {
      await dataProvider.mutate(END_HOUSEHOLD_MEMBERSHIP, {
        householdId,
        idNumber: membership.person.idNumber,
        leftOn: values.leftOn,
      });
      notify('hub.register.membership_ended', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" color="warning" startIcon={<PersonRemoveIcon />} onClick={() => setOpen(true)}>
        {translate('hub.register.end_membership')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="end-membership-title">
        <Form onSubmit={submit} defaultValues={{ leftOn: todayInChina() }}>
          <DialogTitle id="end-membership-title">
            {translate('hub.register.end_membership_of', { name: membership.person.name ?? '' })}
          </DialogTitle>
          <DialogContent>
            <DateInput source="leftOn" label="hub.register.left_on" validate={required()} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="hub.register.end_membership" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
