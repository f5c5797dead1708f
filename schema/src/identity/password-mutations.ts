import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { forbiddenError } from '../errors.ts';

const PASSWORD_RULES =
  'A new password has 12 to 128 characters, does not contain the username and is hard to guess (zxcvbn score 3 ' +
  'or more); otherwise BAD_USER_INPUT `WEAK_PASSWORD`, whose `warning` and `suggestions` say what to change.';

builder.mutationField('changeOwnPassword', (t) =>
  t.boolean({
    description:
      'The logged-in user sets a new password, giving the current one (BAD_USER_INPUT `WRONG_PASSWORD` if it is ' +
      `not; repeated misses are throttled like log-ins). ${PASSWORD_RULES} The user's other sessions end; this one stays. The trail records USER_PASSWORD_CHANGED.`,
    authScopes: { authenticated: true },
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, { currentPassword, newPassword }, context) => {
      const { services, viewer, clientAddress } = context;
      if (viewer?.kind !== 'USER') throw forbiddenError('only a user has a password; an API client rotates its secret');
      await services.identity.changeOwnPassword({
        userId: viewer.userId,
        sessionId: viewer.sessionId,
        currentPassword,
        newPassword,
        sourceAddress: clientAddress,
        actor: changeActorOf(context, 'changeOwnPassword'),
      });
      return true;
    },
  }),
);

builder.mutationField('resetUserPassword', (t) =>
  t.prismaField({
    type: 'User',
    description:
      `An administrator sets a user's password, e.g. one forgotten. ${PASSWORD_RULES} Every session of that user ` +
      'ends. The trail records a USER_PASSWORD_RESET event with the reason, never the password.',
    authScopes: { can: 'users:manage' },
    args: {
      userId: t.arg.id({ required: true }),
      newPassword: t.arg.string({ required: true }),
      reason: t.arg.string({ description: 'Why, for whoever reads the trail (e.g. "忘记密码，本人来电").' }),
    },
    resolve: async (query, _root, { userId, newPassword, reason }, context) => {
      const actor = changeActorOf(context, 'resetUserPassword');
      const { id } = await context.services.identity.resetUserPassword(
        String(userId),
        newPassword,
        reason ?? null,
        actor,
      );
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
