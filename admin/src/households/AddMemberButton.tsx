import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  DateInput,
  Form,
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
import { citizenId } from '../identity/citizen-id-validator.ts';
import { ADD_HOUSEHOLD_MEMBER, todayInChina } from './register-mutations.ts';

/** Adds a member to the household from a day on; the composition before it stays as it was. */
export function AddMemberButton() {
  const household = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!household) return null;
  const submit = async (values: Record<string, string>) => {
    try {
      await dataProvider.mutate(ADD_HOUSEHOLD_MEMBER, {
        householdId: household.id,
        joinedOn: values.joinedOn,
        member: {
          idNumber: values.idNumber?.trim().toUpperCase(),
          name: values.name?.trim(),
          relation: values.relation,
        },
      });
      notify('hub.register.member_added', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button startIcon={<PersonAddIcon />} onClick={() => setOpen(true)}>
        {translate('hub.register.add_member')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="add-member-title">
        <Form onSubmit={submit} defaultValues={{ joinedOn: todayInChina(), relation: 'CHILD' }}>
          <DialogTitle id="add-member-title">{translate('hub.register.add_member')}</DialogTitle>
          <DialogContent>
            <TextInput source="idNumber" label="resources.Person.fields.idNumber" validate={[required(), citizenId]} />
            <TextInput source="name" label="resources.Person.fields.name" validate={required()} />
            <SelectInput
              source="relation"
              label="resources.Person.fields.relation"
              choices={enumChoices('Relation')}
              validate={required()}
            />
            <DateInput source="joinedOn" label="hub.register.joined_on" validate={required()} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="hub.register.add_member" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
