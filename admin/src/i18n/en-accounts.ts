import { ENUM_LABELS_EN } from '@hub/schema/enum-labels/en';
import type { chineseAccounts } from './zh-cn-accounts.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The users, own-password, live-connector and shown-once screens, and the hub's error codes, in English. */
export const englishAccounts: Messages<typeof chineseAccounts> = {
  ra: {
    page: { list: '%{name}', empty: 'No %{name} yet', invite: 'Use “Create” to add one.' },
  },
  hub: {
    login: { subtitle: 'Sign in with your platform account' },
    consents: { record_for_person: 'Record a consent for this person' },
    shown_once: { copy: 'Copy', confirm_saved: 'I have copied and saved it', close: 'Close' },
    errors: {
      WEAK_PASSWORD: 'Password too weak: use 12 or more characters, without the username, hard to guess',
      WRONG_PASSWORD: 'The current password is not correct',
      CODE_TAKEN: 'Another user already has this username',
      INVALID_CODE: 'Username: 3–32 lower-case letters, digits, dots, dashes or underscores, starting with a letter',
      BLANK_VALUE: 'Give a reason',
      INVALID_TRANSITION: 'You cannot do this to your own account: ask another administrator',
      LOG_IN_THROTTLED: 'Too many attempts: try again later',
      NOT_FOUND: 'Not found',
      FORBIDDEN: 'You may not do this',
      UNAUTHENTICATED: 'Your session has ended: sign in again',
      BAD_USER_INPUT: 'Please check your input',
      CONFLICT: 'This conflicts with the current state',
      UNKNOWN: 'That did not work: try again later',
    },
    dashboard: {
      pending_approvals: 'Agreements awaiting approval',
      no_pending_approvals: 'No sharing agreement awaits approval.',
      all_pending_approvals: 'All %{count} awaiting approval',
    },
    api_clients: {
      rotate_title: 'Rotate the secret of “%{name}”?',
      rotate_content:
        'The old secret stops working at once and the client’s access tokens are revoked; the new one is shown once.',
      client_id_copied: 'client_id copied',
    },
    users: {
      username_hint:
        '3–32 lower-case letters, digits, dots, dashes or underscores; the first password is generated and shown once',
      state_active: 'Active',
      state_disabled: 'Disabled (%{at})',
      change_role: 'Change role',
      reset_password: 'Reset password',
      disable: 'Disable',
      reason: 'Reason',
      reason_hint: 'Kept in the audit trail for whoever reads it next',
      role_title: 'Change the role of %{name}',
      role_content: 'The new role applies from their next request.',
      password_title: 'Reset the password of %{name}',
      password_content: 'A new password is generated and shown once; every session of this user ends.',
      disable_title: 'Disable %{name}?',
      disable_content: 'They can no longer log in, and every session of theirs ends.',
      role_changed: 'Role of %{name} changed',
      disabled: '%{name} disabled',
      password_reset: 'Password of %{name} reset',
      new_password_title: 'New password',
      new_password: 'Password',
      new_password_once:
        'Copy the new password now and hand it over in person or by a safe channel: it is shown only this once.',
      first_password_once:
        'The user is created. Copy the first password for them: it is shown only this once; ask them to change it.',
    },
    password: {
      title: 'Change password',
      current: 'Current password',
      new: 'New password',
      repeat: 'New password again',
      rules: '12 or more characters, without your username, hard to guess',
      not_repeated: 'The two new passwords differ',
      save: 'Change password',
      changed: 'Password changed; your other sessions have ended',
    },
    connectors: {
      disabled: 'Disabled',
      never: 'never',
      last_success: 'Last answered: %{at}',
      last_failure: 'Last failed: %{at}',
      batches: '%{batchSize} persons a batch, %{concurrency} at once, %{timeout} s per attempt',
      retries: '%{retries} retries, backing off %{backoff}–%{maxBackoff} s',
      circuit: 'Circuit opens at %{percentage}% failed of at least %{minimum} batches; tries again after %{reset} s',
      batches_failed: '%{dataset}: %{failures}; %{unanswered} of %{asked} persons unanswered',
      failures: ENUM_LABELS_EN.ConnectorFailure,
    },
  },
  resources: {
    User: {
      name: 'User |||| Users',
      fields: {
        username: 'Username',
        displayName: 'Name',
        role: 'Role',
        department: 'Department',
        departmentId: 'Department',
        disabledAt: 'State',
        q: 'Search',
      },
    },
    DepartmentConnector: {
      name: 'Live connector |||| Live connectors',
      fields: {
        department: 'Department',
        datasets: 'Datasets',
        baseUrl: 'API address',
        settings: 'Settings',
        health: 'Health',
        updatedAt: 'Last changed',
      },
    },
  },
};
