import { useState } from 'react';
import {
  Create,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { hubErrorReason } from '../dataProvider/hub-error-reason.ts';
import { enumChoices } from '../enums.ts';
import { ShownOnceDialog } from '../secrets/ShownOnceDialog.tsx';
import { generatePassword } from './generate-password.ts';

// biome-ignore lint/suspicious/noExplicitAny: a react-admin form's values
type FormValues = any;

/**
 * A new user: the hub's rules for the username, a role and a department. The first password is generated here and
 * shown once, for the administrator to hand over; the user changes it after logging in.
 */
export function UserCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  return (
    <>
      <Create
        redirect={false}
        transform={(data: FormValues) => ({ ...data, password: generatePassword() })}
        mutationOptions={{
          onSuccess: (_user, variables) => {
            const data = (variables as { data: { username: string; password: string } }).data;
            setIssued({ username: data.username, password: data.password });
          },
          onError: (error) => {
            const reason = hubErrorReason(error);
            notify(reason ? `hub.errors.${reason}` : 'hub.errors.UNKNOWN', { type: 'error' });
          },
        }}
      >
        <SimpleForm>
          <TextInput source="username" validate={required()} helperText="hub.users.username_hint" />
          <TextInput source="displayName" validate={required()} />
          <SelectInput source="role" choices={enumChoices('UserRole')} validate={required()} />
          <ReferenceInput source="departmentId" reference="Department">
            <SelectInput optionText="name" label="resources.User.fields.department" validate={required()} />
          </ReferenceInput>
        </SimpleForm>
      </Create>
      <ShownOnceDialog
        open={issued !== null}
        title="hub.users.new_password_title"
        warning="hub.users.first_password_once"
        values={[
          { label: translate('resources.User.fields.username'), value: issued?.username ?? '' },
          { label: translate('hub.users.new_password'), value: issued?.password ?? '', testId: 'new-password' },
        ]}
        onClose={() => {
          setIssued(null);
          redirect('list', 'User');
        }}
      />
    </>
  );
}
