import { DepartmentKind } from '@hub/prisma';
import { builder } from '../builder.ts';
import { isUuid } from '../uuid.ts';

export const DepartmentKindEnum = builder.enumType(DepartmentKind, { name: 'DepartmentKind' });

export const Department = builder.prismaObject('Department', {
  description: 'A department that shares data through the hub or asks it questions; each bank is one of its own.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    kind: t.expose('kind', { type: DepartmentKindEnum }),
    name: t.exposeString('name'),
    region: t.relation('region'),
    apiClientCount: t.int({
      nullable: true,
      description: "The department's API clients that are not revoked; for administrators.",
      authScopes: { can: 'apiClients:manage' },
      select: { _count: { select: { apiClients: { where: { revokedAt: null } } } } },
      resolve: (department) => department._count.apiClients,
    }),
  }),
});

builder.queryField('departments', (t) =>
  t.prismaField({
    type: ['Department'],
    nullable: true,
    authScopes: { authenticated: true },
    args: { kind: t.arg({ type: DepartmentKindEnum }) },
    resolve: (query, _root, args, { prisma }) =>
      prisma.department.findMany({ ...query, where: { kind: args.kind ?? undefined }, orderBy: { code: 'asc' } }),
  }),
);

builder.queryField('department', (t) =>
  t.prismaField({
    type: 'Department',
    nullable: true,
    description: 'The department with this id; null when none has it.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, { prisma }) =>
      isUuid(String(args.id)) ? prisma.department.findUnique({ ...query, where: { id: String(args.id) } }) : null,
  }),
);
