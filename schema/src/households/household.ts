import { AreaType } from '@hub/prisma';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { disclosedType, fact, householdSubject, identifier, metadata, records } from '../disclosure/annotations.ts';
import { dataItemDeniedError } from '../disclosure/data-item-denied.ts';
import { personWithIdNumber, validIdNumber } from '../persons/id-number-argument.ts';
import { householdDataOf, personalData } from '../scopes.ts';
import { isUuid } from '../uuid.ts';

export const AreaTypeEnum = builder.enumType(AreaType, { name: 'AreaType' });

export const Household = builder.prismaObject('Household', {
  description: 'A household as civil affairs knows it: where it lives, its members, its assistance and applications.',
  authScopes: householdDataOf,
  extensions: disclosedType<{ id: string }>({
    item: 'HOUSEHOLD_COMPOSITION',
    subject: (household) => householdSubject(household.id),
    provider: () => null,
  }),
  fields: (t) => ({
    // The id says who lives together (two persons' households with one id are one family): a fact of the composition.
    id: t.exposeID('id', { nullable: true, extensions: fact('HOUSEHOLD_COMPOSITION') }),
    region: t.relation('region', { nullable: true }),
    areaType: t.expose('areaType', { type: AreaTypeEnum, nullable: true }),
    address: t.exposeString('address', { nullable: true, extensions: identifier('ADDRESS') }),
    registerNumber: t.exposeString('registerNumber', {
      nullable: true,
      description: '户编号 in the civil-affairs business system; null for a household it did not register.',
      extensions: metadata,
    }),
    members: t.relation('members', {
      nullable: true,
      query: { orderBy: [{ relation: 'asc' }, { idNumber: 'asc' }] },
      extensions: records('HOUSEHOLD_COMPOSITION'),
    }),
    memberships: t.relation('memberships', {
      nullable: true,
      description: 'The composition’s history: every membership, current and ended, earliest first.',
      query: { orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] },
      extensions: records('HOUSEHOLD_COMPOSITION'),
    }),
    assistanceCases: t.relation('cases', {
      nullable: true,
      query: { orderBy: [{ startedOn: 'desc' }, { id: 'asc' }] },
      extensions: records('ASSISTANCE_STATUS'),
    }),
    applications: t.relation('applications', {
      nullable: true,
      query: { orderBy: [{ submittedOn: 'desc' }, { id: 'asc' }] },
      extensions: records('ASSISTANCE_APPLICATIONS'),
    }),
  }),
});

builder.queryField('household', (t) =>
  t.prismaField({
    type: 'Household',
    nullable: true,
    authScopes: personalData,
    args: { id: t.arg.id({ required: true }) },
    // An id that is not a UUID names no household, exactly like one that does not exist.
    resolve: async (query, _root, args, context) => {
      const planned = { ...query }; // read before any early null, which skips the query on purpose
      const id = String(args.id);
      await context.access.requireReach('HOUSEHOLD_COMPOSITION');
      if (!isUuid(id)) return null;
      if (!(await context.access.reachesHousehold(id))) return null;
      const household = await context.prisma.household.findUnique({ ...planned, where: { id } });
      if (household) context.disclosures.touch(householdSubject(household.id));
      return household;
    },
  }),
);

builder.queryField('householdOf', (t) =>
  t.prismaField({
    type: 'Household',
    nullable: true,
    description:
      'The household of the person with this identity number: the partner question "does this family receive ' +
      '低保, since when" starts here. Null when the hub knows no such person or the person has no household.',
    authScopes: personalData,
    args: { idNumber: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const planned = { ...query };
      const idNumber = validIdNumber(args.idNumber);
      await context.access.requireReach('HOUSEHOLD_COMPOSITION', () => personWithIdNumber(context, idNumber));
      const person = await context.prisma.person.findUnique({
        where: { idNumber },
        select: { householdId: true, household: { select: { regionCode: true } } },
      });
      if (!person?.householdId || !(await context.access.reachesRegion(person.household?.regionCode))) return null;
      context.disclosures.touch(householdSubject(person.householdId));
      return context.prisma.household.findUnique({ ...planned, where: { id: person.householdId } });
    },
  }),
);

builder.queryField('households', (t) =>
  t.prismaConnection(
    {
      type: 'Household',
      cursor: 'id',
      nullable: true,
      description:
        'Households, in a stable order; with `regionCode`, those of that region and every region below it. ' +
        'Listing households is listing their composition: it needs HOUSEHOLD_COMPOSITION at FULL.',
      authScopes: personalData,
      args: { regionCode: t.arg.string() },
      totalCount: async (_connection, args, context) => {
        await mayListHouseholds(context);
        return context.prisma.household.count({ where: await householdsWhere(context, args.regionCode) });
      },
      resolve: async (query, _root, args, context) => {
        const planned = { ...query };
        await mayListHouseholds(context);
        return context.prisma.household.findMany({
          ...planned,
          where: await householdsWhere(context, args.regionCode),
          orderBy: { id: 'asc' },
        });
      },
    },
    { name: 'HouseholdConnection' },
    { name: 'HouseholdEdge' },
  ),
);

// A filter or an order on data the caller cannot read in full would answer questions about it: refuse the list.
async function mayListHouseholds(context: Context): Promise<void> {
  await context.access.requireReach('HOUSEHOLD_COMPOSITION');
  const nobody = { subjectPersonId: null, subjectHouseholdId: null };
  const access = await context.access.decide('HOUSEHOLD_COMPOSITION', nobody, null);
  if (access.level === 'FULL') return;
  const reason = access.level === null ? access.reason : 'INSUFFICIENT_ACCESS_LEVEL';
  context.disclosures.record({ ...nobody, outcome: 'DENIED', itemCode: 'HOUSEHOLD_COMPOSITION', reason });
  throw dataItemDeniedError(
    'HOUSEHOLD_COMPOSITION',
    reason,
    access.level ? { granted: access.level, needed: ['FULL'] } : {},
  );
}

// The region asked for and everything below it, within the caller's reach.
async function householdsWhere(context: Context, regionCode?: string | null) {
  const reach = await context.access.reachableRegions();
  const within = reach === 'ALL' ? {} : { regionCode: { in: [...reach] } };
  if (regionCode == null) return within;
  const codes = await context.access.regionFilter(regionCode, 'RESIDENCE');
  return { AND: [within, { regionCode: { in: [...codes] } }] };
}
