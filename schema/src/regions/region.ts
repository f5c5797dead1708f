import { RegionLevel } from '@hub/prisma';
import { builder } from '../builder.ts';

export const RegionLevelEnum = builder.enumType(RegionLevel, { name: 'RegionLevel' });

export const Region = builder.prismaObject('Region', {
  description: 'An administrative division (GB/T 2260 code; townships and villages carry longer statistical codes).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    level: t.expose('level', { type: RegionLevelEnum }),
    urbanRuralCode: t.exposeString('urbanRuralCode', {
      nullable: true,
      description:
        '城乡分类代码 from the region table: 111 main urban area … 210/220 villages; null where none is given.',
    }),
    retiredAt: t.expose('retiredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a newer region table stopped listing it; a retired region stays for what still names it.',
    }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', {
      args: { includeRetired: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({ where: args.includeRetired ? {} : { retiredAt: null }, orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryField('regions', (t) =>
  t.prismaField({
    type: ['Region'],
    nullable: true,
    description:
      'Regions, by code; narrowed to the children of `parentCode` and/or to one `level` when given. Retired regions ' +
      '(no longer in the imported region table) only with `includeRetired`.',
    authScopes: { authenticated: true },
    args: {
      parentCode: t.arg.string(),
      level: t.arg({ type: RegionLevelEnum }),
      includeRetired: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (query, _root, args, { prisma }) =>
      prisma.region.findMany({
        ...query,
        where: {
          parentCode: args.parentCode ?? undefined,
          level: args.level ?? undefined,
          ...(args.includeRetired ? {} : { retiredAt: null }),
        },
        orderBy: { code: 'asc' },
      }),
  }),
);

builder.queryField('region', (t) =>
  t.prismaField({
    type: 'Region',
    nullable: true,
    description: 'One region by its code (6-digit GB/T 2260 or 12-digit statistical code), retired or not.',
    authScopes: { authenticated: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, { prisma }) => prisma.region.findUnique({ ...query, where: { code: args.code } }),
  }),
);
