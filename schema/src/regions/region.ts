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
      'Regions, by code; narrowed to the children of `parentCode` and/or to one `level` when given, and to those whose ' +
      'name or code contains `search` (at most `first`, 50 unless told, when searching). Retired regions (no longer ' +
      'in the imported region table) only with `includeRetired`.',
    authScopes: { authenticated: true },
    args: {
      parentCode: t.arg.string(),
      level: t.arg({ type: RegionLevelEnum }),
      includeRetired: t.arg.boolean({ defaultValue: false }),
      codes: t.arg.stringList({ description: 'Only these codes (a form’s chosen regions), retired or not.' }),
      search: t.arg.string({ description: 'Part of the name (e.g. 兴庆) or a code prefix: a picker’s search.' }),
      first: t.arg.int({ description: 'At most this many (1 to 200); 50 when searching unless told.' }),
    },
    resolve: (query, _root, args, { prisma }) => {
      const search = args.search?.trim();
      return prisma.region.findMany({
        ...query,
        where: {
          parentCode: args.parentCode ?? undefined,
          level: args.level ?? undefined,
          ...(args.includeRetired || args.codes ? {} : { retiredAt: null }),
          ...(args.codes ? { code: { in: args.codes.slice(0, 200) } } : {}),
          ...(search ? { OR: [{ name: { contains: search } }, { code: { startsWith: search } }] } : {}),
        },
        orderBy: { code: 'asc' },
        take: args.first != null ? Math.min(Math.max(args.first, 1), 200) : search ? 50 : undefined,
      });
    },
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
