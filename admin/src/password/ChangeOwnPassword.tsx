import { Button, Card, CardContent, CardHeader } from '@mui/material';
import { PasswordInput, required, SimpleForm, Toolbar, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { hubErrorReason } from '../dataProvider/hub-error-reason.ts';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { CHANGE_OWN_PASSWORD } from '../users/user-mutations.ts';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeatedPassword: string;
}

const sameAsNew = (value: string, values: PasswordChange) =>
  value === values.newPassword ? undefined : 'hub.password.not_repeated';

// The hub's answer to a refused change, under the input it concerns.
const FIELD_OF_REASON: Record<string, keyof PasswordChange> = {
  WRONG_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
};

/**
 * Any signed-in user sets a new password, giving the current one: a session left open is not enough. The user's
 * other sessions end; this one stays.
 */
export function ChangeOwnPassword() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<HubDataProvider>();
  const save = async (values: Partial<PasswordChange>) => {
    try {
      await dataProvider.mutate(CHANGE_OWN_PASSWORD, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      notify('hub.password.changed', { type: 'success' });
      return undefined;
    } catch (error) {
      const reason = hubErrorReason(error) ?? 'UNKNOWN';
      const field = FIELD_OF_REASON[reason];
      if (field) return { [field]: `hub.errors.${reason}` };
      notify(`hub.errors.${reason}`, { type: 'error' });
      return undefined;
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <CardHeader title={translate('hub.password.title')} />
      <CardContent>
        <SimpleForm
          onSubmit={save}
          toolbar={
            <Toolbar>
              <Button type="submit" variant="contained">
                {translate('hub.password.save')}
              </Button>
            </Toolbar>
          }
        >
          <PasswordInput source="currentPassword" label="hub.password.current" validate={required()} fullWidth />
          <PasswordInput
            source="newPassword"
            label="hub.password.new"
            helperText="hub.password.rules"
            validate={required()}
            fullWidth
          />
          <PasswordInput
            source="repeatedPassword"
            label="hub.password.repeat"
            validate={[required(), sameAsNew]}
            fullWidth
          />
        </SimpleForm>
      </CardContent>
    </Card>
  );
}
