import { UserRole } from '@hub/prisma';
import { builder } from '../builder.ts';

export const UserRoleEnum = builder.enumType(UserRole, { name: 'UserRole' });

export const User = builder.prismaObject('User', {
  description: 'A person who logs in to the hub: an administrator, a verification officer or an auditor.',
  // A user who has just logged in reads their own record in the logIn answer, before the request knows them.
  authScopes: { $any: { authenticated: true, $granted: 'newSession' } },
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: UserRoleEnum }),
    department: t.relation('department'),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When an administrator disabled the user; null while they may log in.',
      authScopes: { can: 'users:manage' },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: { can: 'users:manage' } }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The user this request is authenticated as; null when it carries no valid session.',
    resolve: (query, _root, _args, { prisma, viewer }) => {
      const planned = { ...query }; // read before any early null, which skips the query on purpose
      return viewer?.kind === 'USER' ? prisma.user.findUnique({ ...planned, where: { id: viewer.userId } }) : null;
    },
  }),
);
