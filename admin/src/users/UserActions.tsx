import BlockIcon from '@mui/icons-material/Block';
import KeyIcon from '@mui/icons-material/Key';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { hubErrorReason } from '../dataProvider/hub-error-reason.ts';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { readSession } from '../hub-session.ts';
import { ShownOnceDialog } from '../secrets/ShownOnceDialog.tsx';
import { generatePassword } from './generate-password.ts';
import { UserReasonDialog } from './UserReasonDialog.tsx';
import { CHANGE_USER_ROLE, DISABLE_USER, RESET_USER_PASSWORD } from './user-mutations.ts';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: string;
  disabledAt: string | null;
}

type Change = 'role' | 'password' | 'disable';

/** A user's row actions: a new role, a new password (shown once), or disabling, each with its reason. */
export function UserActions(_props: { label?: string }) {
  const user = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [change, setChange] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  if (!user || user.disabledAt) return null;
  // The hub refuses an administrator's change to their own role or account: the buttons are not offered.
  const self = readSession()?.user.id === user.id;

  const run = async (action: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await action();
      setChange(null);
      notify(done, { type: 'success', messageArgs: { name: user.username } });
      refresh();
    } catch (error) {
      const reason = hubErrorReason(error);
      notify(reason ? `hub.errors.${reason}` : 'hub.errors.UNKNOWN', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const confirm = ({ reason, role }: { reason: string; role: string | undefined }) => {
    if (change === 'role') {
      void run(() => dataProvider.mutate(CHANGE_USER_ROLE, { id: user.id, role, reason }), 'hub.users.role_changed');
    } else if (change === 'disable') {
      void run(() => dataProvider.mutate(DISABLE_USER, { id: user.id, reason }), 'hub.users.disabled');
    } else if (change === 'password') {
      const newPassword = generatePassword();
      void run(async () => {
        await dataProvider.mutate(RESET_USER_PASSWORD, { userId: user.id, newPassword, reason: reason || null });
        setPassword(newPassword);
      }, 'hub.users.password_reset');
    }
  };
  const dialog = {
    role: { title: 'hub.users.role_title', content: 'hub.users.role_content', confirm: 'hub.users.change_role' },
    password: {
      title: 'hub.users.password_title',
      content: 'hub.users.password_content',
      confirm: 'hub.users.reset_password',
    },
    disable: { title: 'hub.users.disable_title', content: 'hub.users.disable_content', confirm: 'hub.users.disable' },
  };
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {self ? null : (
          <Button size="small" startIcon={<ManageAccountsIcon />} onClick={() => setChange('role')}>
            {translate('hub.users.change_role')}
          </Button>
        )}
        <Button size="small" startIcon={<KeyIcon />} onClick={() => setChange('password')}>
          {translate('hub.users.reset_password')}
        </Button>
        {self ? null : (
          <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setChange('disable')}>
            {translate('hub.users.disable')}
          </Button>
        )}
      </Stack>
      {change ? (
        <UserReasonDialog
          open
          {...dialog[change]}
          username={user.username}
          role={change === 'role' ? user.role : undefined}
          reasonRequired={change !== 'password'}
          busy={busy}
          onConfirm={confirm}
          onClose={() => setChange(null)}
        />
      ) : null}
      <ShownOnceDialog
        open={password !== null}
        title="hub.users.new_password_title"
        warning="hub.users.new_password_once"
        values={[
          { label: translate('resources.User.fields.username'), value: user.username },
          { label: translate('hub.users.new_password'), value: password ?? '', testId: 'new-password' },
        ]}
        onClose={() => setPassword(null)}
      />
    </>
  );
}
