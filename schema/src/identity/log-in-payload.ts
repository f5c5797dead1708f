import type { User as UserRow } from '@hub/prisma';
import { builder } from '../builder.ts';
import { accountDisabledError, invalidCredentialsError, logInThrottledError } from '../errors.ts';
import { User } from './user.ts';

interface LogInResult {
  token: string;
  expiresAt: Date;
  user: UserRow;
}

export const LogInPayload = builder.objectRef<LogInResult>('LogInPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The bearer token for the Authorization header. It is shown only this once; the hub keeps its hash.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.expose('user', { type: User, grantScopes: ['newSession'] }),
  }),
});

builder.mutationField('logIn', (t) =>
  t.field({
    type: LogInPayload,
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    description:
      'Starts a session. A wrong password and an unknown username get the same UNAUTHENTICATED ' +
      '`INVALID_CREDENTIALS`; after repeated failures of a username from one address, that address waits ' +
      '(LOG_IN_THROTTLED with `retryAfterSeconds`), growing with each failure.',
    resolve: async (_root, credentials, { services, clientAddress }) => {
      const outcome = await services.identity.logIn({ ...credentials, sourceAddress: clientAddress });
      switch (outcome.kind) {
        case 'LOGGED_IN':
          return outcome;
        case 'THROTTLED':
          throw logInThrottledError(outcome.retryAt, outcome.retryAfterSeconds);
        case 'ACCOUNT_DISABLED':
          throw accountDisabledError();
        case 'INVALID_CREDENTIALS':
          throw invalidCredentialsError();
      }
    },
  }),
);

builder.mutationField('logOut', (t) =>
  t.boolean({
    description: 'Ends the session this request is authenticated with; its token stops working at once.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, { services, viewer }) => {
      if (viewer?.kind === 'USER') await services.identity.logOut(viewer.sessionId);
      return true;
    },
  }),
);
