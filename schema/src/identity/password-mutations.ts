import { builder } from '../builder.ts';
import { forbiddenError, notFoundError } from '../errors.ts';
import { isUuid } from '../uuid.ts';

const PASSWORD_RULES =
  'A new password has 12 to 128 characters, does not contain the username and is hard to guess (zxcvbn score 3 ' +
  'or more); otherwise BAD_USER_INPUT `WEAK_PASSWORD`, whose `warning` and `suggestions` say what to change.';

builder.mutationField('changeOwnPassword', (t) =>
  t.boolean({
    description:
      'The logged-in user sets a new password, giving the current one (BAD_USER_INPUT `WRONG_PASSWORD` if it is ' +
      `not; repeated misses are throttled like log-ins). ${PASSWORD_RULES} The user's other sessions end; this one stays.`,
    authScopes: { authenticated: true },
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, { currentPassword, newPassword }, { services, viewer, clientAddress }) => {
      if (viewer?.kind !== 'USER') throw forbiddenError('only a user has a password; an API client rotates its secret');
      await services.identity.changeOwnPassword({
        userId: viewer.userId,
        sessionId: viewer.sessionId,
        currentPassword,
        newPassword,
        sourceAddress: clientAddress,
      });
      return true;
    },
  }),
);

builder.mutationField('resetUserPassword', (t) =>
  t.prismaField({
    type: 'User',
    description: `An administrator sets a user's password, e.g. one forgotten. ${PASSWORD_RULES} Every session of that user ends.`,
    authScopes: { can: 'users:manage' },
    args: { userId: t.arg.id({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (query, _root, { userId, newPassword }, { prisma, services }) => {
      if (!isUuid(String(userId))) throw notFoundError('no such user');
      const { id } = await services.identity.resetUserPassword(String(userId), newPassword);
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
