import { DepartmentKind } from '@hub/prisma';
import { builder } from '../builder.ts';

export const DepartmentKindEnum = builder.enumType(DepartmentKind, { name: 'DepartmentKind' });

export const Department = builder.prismaObject('Department', {
  description: 'A department that shares data through the hub or asks it questions; each bank is one of its own.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    kind: t.expose('kind', { type: DepartmentKindEnum }),
    name: t.exposeString('name'),
    region: t.relation('region'),
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
