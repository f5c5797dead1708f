import type { Prisma } from '@hub/prisma';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { personSubject } from '../disclosure/annotations.ts';
import { dataItemDeniedError } from '../disclosure/data-item-denied.ts';
import { badUserInputError } from '../errors.ts';
import { personalData } from '../scopes.ts';
import { personWithIdNumber, validIdNumber } from './id-number-argument.ts';

const MAX_PAGE = 50;
// A surname alone matches a good part of a city: a search names at least two characters of the name.
const NAME_LENGTH = { min: 2, max: 50 };

builder.queryField('persons', (t) =>
  t.prismaConnection(
    {
      type: 'Person',
      cursor: 'id',
      nullable: true,
      maxSize: MAX_PAGE,
      description:
        'Persons with this identity number and/or whose name is or begins with `name` (at least two characters), ' +
        "within the caller's reach; with `regionCode`, those of that region and every region below it (a filter " +
        'the caller may not see, HOUSEHOLD_COMPOSITION below MASKED or a region outside its reach, is refused). A name ' +
        'search needs PERSON_IDENTITY in full. Declare the purpose in `x-hub-purpose`; every person returned is audited.',
      authScopes: personalData,
      args: { name: t.arg.string(), idNumber: t.arg.string(), regionCode: t.arg.string() },
      resolve: async (query, _root, args, context) => {
        const planned = { ...query }; // read before anything awaits, so the plan is not skipped
        const where = await personsWhere(context, args);
        const rows = await context.prisma.person.findMany({ ...planned, where, orderBy: { id: 'asc' } });
        // The connection reads one row beyond the page to know whether another follows; that row is not shown.
        const take = planned.take ?? rows.length;
        const shown = rows.length === Math.abs(take) ? (take < 0 ? rows.slice(1) : rows.slice(0, -1)) : rows;
        for (const person of shown) context.disclosures.touch(personSubject(person.id));
        return rows;
      },
    },
    { name: 'PersonConnection' },
    { name: 'PersonEdge' },
  ),
);

interface SearchArgs {
  name?: string | null;
  idNumber?: string | null;
  regionCode?: string | null;
  first?: number | null;
  last?: number | null;
}

async function personsWhere(context: Context, args: SearchArgs): Promise<Prisma.PersonWhereInput> {
  for (const field of ['first', 'last'] as const) {
    const size = args[field];
    if (size != null && (size < 1 || size > MAX_PAGE)) {
      throw badUserInputError('OUT_OF_RANGE', `${field}: ask for 1 to ${MAX_PAGE} persons a page`, { field });
    }
  }
  const name = args.name?.trim() || null;
  if (!name && !args.idNumber) {
    throw badUserInputError('BLANK_VALUE', 'name or idNumber: search by at least one of them', {
      field: 'name',
    });
  }
  if (name && (name.length < NAME_LENGTH.min || name.length > NAME_LENGTH.max)) {
    throw badUserInputError('OUT_OF_RANGE', `name: give ${NAME_LENGTH.min} to ${NAME_LENGTH.max} characters`, {
      field: 'name',
    });
  }
  const idNumber = args.idNumber == null ? null : validIdNumber(args.idNumber);
  await context.access.requireReach('PERSON_IDENTITY', async () =>
    idNumber ? personWithIdNumber(context, idNumber) : null,
  );
  if (name) await mayMatchNames(context);
  const filters: Prisma.PersonWhereInput[] = [];
  if (idNumber) filters.push({ idNumber });
  if (name) filters.push({ name: { startsWith: name } });
  const reach = await context.access.reachableRegions();
  if (reach !== 'ALL') filters.push(livingIn([...reach]));
  if (args.regionCode != null) filters.push(livingIn(await context.access.regionFilter(args.regionCode, 'RESIDENCE')));
  return { AND: filters };
}

// A person's region: their household's, or for one without a household, the region of their identity number.
function livingIn(codes: readonly string[]): Prisma.PersonWhereInput {
  const counties = codes.filter((code) => code.length === 6);
  return {
    OR: [
      { household: { regionCode: { in: [...codes] } } },
      { householdId: null, OR: counties.map((code) => ({ idNumber: { startsWith: code } })) },
    ],
  };
}

// Matching names answers questions about names: only a caller who may read names in full may search by one.
async function mayMatchNames(context: Context): Promise<void> {
  const nobody = { subjectPersonId: null, subjectHouseholdId: null };
  const access = await context.access.decide('PERSON_IDENTITY', nobody, null);
  if (access.level === 'FULL') return;
  const reason = access.level === null ? access.reason : 'INSUFFICIENT_ACCESS_LEVEL';
  context.disclosures.record({ ...nobody, outcome: 'DENIED', itemCode: 'PERSON_IDENTITY', reason });
  throw dataItemDeniedError('PERSON_IDENTITY', reason, access.level ? { granted: access.level, needed: ['FULL'] } : {});
}
