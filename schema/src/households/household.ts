import { AreaType, type PrismaClient } from '@hub/prisma';
import { builder } from '../builder.ts';
import { badUserInputError } from '../errors.ts';
import { regionCodesWithin } from '../regions/region.ts';
import { personalData } from '../scopes.ts';

export const AreaTypeEnum = builder.enumType(AreaType, { name: 'AreaType' });

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const Household = builder.prismaObject('Household', {
  description: 'A household as civil affairs knows it: where it lives, its members, its assistance and applications.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    region: t.relation('region'),
    areaType: t.expose('areaType', { type: AreaTypeEnum }),
    address: t.exposeString('address'),
    members: t.relation('members', { query: { orderBy: [{ relation: 'asc' }, { idNumber: 'asc' }] } }),
    assistanceCases: t.relation('cases', { query: { orderBy: [{ startedOn: 'desc' }, { id: 'asc' }] } }),
    applications: t.relation('applications', { query: { orderBy: [{ submittedOn: 'desc' }, { id: 'asc' }] } }),
  }),
});

builder.queryField('household', (t) =>
  t.prismaField({
    type: 'Household',
    nullable: true,
    authScopes: personalData,
    args: { id: t.arg.id({ required: true }) },
    // An id that is not a UUID names no household, exactly like one that does not exist.
    resolve: (query, _root, args, { prisma }) => {
      const planned = { ...query }; // read before any early null, which skips the query on purpose
      const id = String(args.id);
      return UUID_PATTERN.test(id) ? prisma.household.findUnique({ ...planned, where: { id } }) : null;
    },
  }),
);

builder.queryField('households', (t) =>
  t.prismaConnection(
    {
      type: 'Household',
      cursor: 'id',
      nullable: true,
      description: 'Households, in a stable order; with `regionCode`, those of that region and every region below it.',
      authScopes: personalData,
      args: { regionCode: t.arg.string() },
      totalCount: (_connection, args, { prisma }) =>
        householdsWhere(prisma, args.regionCode).then((where) => prisma.household.count({ where })),
      resolve: async (query, _root, args, { prisma }) =>
        prisma.household.findMany({
          ...query,
          where: await householdsWhere(prisma, args.regionCode),
          orderBy: { id: 'asc' },
        }),
    },
    { name: 'HouseholdConnection' },
    { name: 'HouseholdEdge' },
  ),
);

async function householdsWhere(prisma: PrismaClient, regionCode?: string | null) {
  if (regionCode == null) return {};
  const codes = await regionCodesWithin(prisma, regionCode);
  if (!codes) throw badUserInputError('UNKNOWN_REGION', `no region has the code ${regionCode}`, { regionCode });
  return { regionCode: { in: codes } };
}
