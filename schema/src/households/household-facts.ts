import { builder } from '../builder.ts';
import { serviceDay } from '../calendar/service-day.ts';
import type { Context, CurrentCase } from '../context.ts';
import { fact } from '../disclosure/annotations.ts';
import { AssistanceKindEnum, CaseStatusEnum } from './assistance-case.ts';

// The DERIVED forms of the household items: what a partner asks ("does this family receive 低保, since when")
// without amounts, case files or members' identities.

export const CurrentAssistance = builder.objectRef<CurrentCase>('CurrentAssistance').implement({
  description: 'One kind of assistance the household receives today, and since when (no amounts).',
  fields: (t) => ({
    kind: t.expose('kind', { type: AssistanceKindEnum }),
    status: t.expose('status', { type: CaseStatusEnum }),
    since: t.expose('startedOn', { type: 'Date' }),
  }),
});

// The facts of one household share one read of its current cases within a request.
const casesByRequest = new WeakMap<Context, Map<string, Promise<CurrentCase[]>>>();

function casesOf(context: Context): Map<string, Promise<CurrentCase[]>> {
  const cases = casesByRequest.get(context) ?? new Map<string, Promise<CurrentCase[]>>();
  casesByRequest.set(context, cases);
  return cases;
}

function currentCases(householdId: string, context: Context): Promise<CurrentCase[]> {
  const cases = casesOf(context);
  const found = cases.get(householdId) ?? context.services.lookups.currentCases(householdId, serviceDay());
  cases.set(householdId, found);
  return found;
}

/** Cases already read with the household (the person lookup's), for its facts to use instead of reading them again. */
export function knowCurrentCases(context: Context, householdId: string, cases: CurrentCase[]): void {
  casesOf(context).set(householdId, Promise.resolve(cases));
}

builder.prismaObjectFields('Household', (t) => ({
  memberCount: t.int({
    nullable: true,
    description: 'How many members the household has.',
    extensions: fact('HOUSEHOLD_COMPOSITION'),
    resolve: (household, _args, { prisma }) => prisma.person.count({ where: { householdId: household.id } }),
  }),
  currentAssistance: t.field({
    type: [CurrentAssistance],
    nullable: true,
    description: 'The assistance the household receives today (active or in its employment grace period).',
    extensions: fact('ASSISTANCE_STATUS'),
    resolve: (household, _args, context) => currentCases(household.id, context),
  }),
  receivesMinimumLivingGuarantee: t.boolean({
    nullable: true,
    description: 'Whether the household receives 低保 (minimum living guarantee) today.',
    extensions: fact('ASSISTANCE_STATUS'),
    resolve: async (household, _args, context) =>
      (await currentCases(household.id, context)).some((c) => c.kind === 'MINIMUM_LIVING_GUARANTEE'),
  }),
  recognisedAsLowIncome: t.boolean({
    nullable: true,
    description: 'Whether the household is recognised as a low-income household (低收入家庭) today.',
    extensions: fact('ASSISTANCE_STATUS'),
    resolve: async (household, _args, context) =>
      (await currentCases(household.id, context)).some((c) => c.kind === 'LOW_INCOME'),
  }),
}));
