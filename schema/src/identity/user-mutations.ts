import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { UserRoleEnum } from './user.ts';

const manage = { can: 'users:manage' } as const;

builder.mutationField('disableUser', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'The user can no longer log in and every session of theirs ends; the reason is kept in the audit trail. ' +
      'Disabling yourself is CONFLICT `INVALID_TRANSITION`.',
    authScopes: manage,
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const actor = changeActorOf(context, 'disableUser');
      const { id } = await context.services.identity.disableUser(String(args.id), args.reason, actor);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('changeUserRole', (t) =>
  t.prismaField({
    type: 'User',
    description:
      "A user's new role, from their next request; the old and new role and the reason are kept in the audit " +
      'trail. Changing your own role is CONFLICT `INVALID_TRANSITION`.',
    authScopes: manage,
    args: {
      id: t.arg.id({ required: true }),
      role: t.arg({ type: UserRoleEnum, required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const actor = changeActorOf(context, 'changeUserRole');
      const { id } = await context.services.identity.changeUserRole(String(args.id), args.role, args.reason, actor);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
