import { RegionLevel } from '@hub/prisma';
import { builder } from '../builder.ts';

export const RegionLevelEnum = builder.enumType(RegionLevel, { name: 'RegionLevel' });

export const Region = builder.prismaObject('Region', {
  description: 'An administrative division (GB/T 2260 code; townships and villages carry longer statistical codes).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    level: t.expose('level', { type: RegionLevelEnum }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: { code: 'asc' } } }),
  }),
});

builder.queryField('regions', (t) =>
  t.prismaField({
    type: ['Region'],
    nullable: true,
    description: 'Regions, by code; narrowed to the children of `parentCode` and/or to one `level` when given.',
    authScopes: { authenticated: true },
    args: { parentCode: t.arg.string(), level: t.arg({ type: RegionLevelEnum }) },
    resolve: (query, _root, args, { prisma }) =>
      prisma.region.findMany({
        ...query,
        where: { parentCode: args.parentCode ?? undefined, level: args.level ?? undefined },
        orderBy: { code: 'asc' },
      }),
  }),
);
