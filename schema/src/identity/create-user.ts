import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { UserRoleEnum } from './user.ts';

const manage = { can: 'users:manage' } as const;

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3–32 lower-case letters, digits, dots, dashes, underscores.' }),
    displayName: t.string({ required: true }),
    password: t.string({
      required: true,
      description: '12 to 128 characters, not containing the username, and hard to guess (zxcvbn score 3 or more).',
    }),
    role: t.field({ type: UserRoleEnum, required: true }),
    departmentId: t.id({ required: true }),
  }),
});

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    description: 'Every user, by username; for administrators.',
    authScopes: manage,
    resolve: (query, _root, _args, { prisma }) => prisma.user.findMany({ ...query, orderBy: { username: 'asc' } }),
  }),
);

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'A new user who logs in with this password (kept only as its argon2id hash). A password the policy refuses ' +
      'is BAD_USER_INPUT `WEAK_PASSWORD`; a taken username is CONFLICT `CODE_TAKEN`.',
    authScopes: manage,
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const { id } = await context.services.identity.createUser(
        { ...input, departmentId: String(input.departmentId) },
        changeActorOf(context, 'createUser'),
      );
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
