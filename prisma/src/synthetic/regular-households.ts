import { yuan } from './asset-records.ts';
import { enrolGuarantee, recordApplication, recordCase } from './assistance-records.ts';
import { addMonths } from './calendar.ts';
import type { ChunkRows } from './chunk-rows.ts';
import type { GenerationContext, Household } from './generation-context.ts';
import { isWorkingAge, livingMembers } from './generation-context.ts';
import { drawOrdinarySize, drawPlace, drawRecipientSize, type Place } from './household-draws.ts';
import { type MemberConstraints, type MemberPlan, planMembers } from './household-members.ts';
import { createHousehold } from './household-spine.ts';
import { recordPension, recordWage } from './income-sources.ts';
import { ordinaryAssets, ordinaryIncome } from './ordinary-finances.ts';
import { cleanAssets, type HomeOwnership, modestIncome } from './recipient-finances.ts';
import { appointStaff, drawStaff } from './staff-roster.ts';

// The households that make up the population around the planted cases: most not on assistance, some clean
// recipients of each kind, some applicants.

export function ordinaryHousehold(context: GenerationContext, rows: ChunkRows, maxSize: number): Household {
  const { random } = context;
  const plan = planMembers(random, drawOrdinarySize(random, maxSize));
  // Deaths in the last 18 months among the old, as the registers of any city hold them.
  const deaths = new Map<number, number>();
  plan.forEach((member, index) => {
    if (member.age >= 70 && random.chance(0.01))
      deaths.set(index, random.day(context.asOfDay - 540, context.asOfDay - 20));
  });
  const household = createHousehold(context, rows, {
    ...drawPlace(random),
    plan,
    deaths,
    disabilityShare: 0.02,
    cremationShare: 0.7,
  });
  const staff = drawStaff(context, household);
  ordinaryIncome(context, household, staff);
  for (const member of staff) appointStaff(context, household, member);
  ordinaryAssets(context, household);
  if (random.chance(0.01)) {
    // A household that left 低保 years ago (应退尽退): a terminated case a comparison must not mistake for a current one.
    const endedOn = random.day(addMonths(context.asOfDay, -60), addMonths(context.asOfDay, -13));
    recordCase(context, rows, household, {
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'TERMINATED',
      monthlyAmountFen: yuan(random.int(200, 1_500)),
      startedOn: endedOn - random.int(200, 2000),
      endedOn,
    });
  }
  return household;
}

export interface CleanOptions extends MemberConstraints {
  place?: Place;
  minSize?: number;
  /** The members, when a case needs a particular household; drawn otherwise. */
  plan?: MemberPlan[];
  /** Highest per-capita income as a share of the standard (default 0.75). */
  incomeShare?: number;
  /** Which members have died, and when, once the members are drawn. */
  deathsOf?: (plan: MemberPlan[]) => ReadonlyMap<number, number>;
  home?: HomeOwnership;
  /** Keep one working-age member free of any income record, for a case to give a wage or a fund account. */
  reserveEarner?: boolean;
}

/** A household that qualifies for 低保, not yet enrolled: members, modest income, clean assets. */
export function qualifyingHousehold(
  context: GenerationContext,
  rows: ChunkRows,
  maxSize: number,
  options: CleanOptions = {},
): Household {
  const { random } = context;
  const plan =
    options.plan ??
    planMembers(random, drawRecipientSize(random, maxSize, options.minSize), { older: true, ...options });
  const deaths = options.deathsOf?.(plan);
  const household = createHousehold(context, rows, {
    ...(options.place ?? drawPlace(random)),
    plan,
    disabilityShare: 0.12,
    ...(deaths ? { deaths } : {}),
  });
  const living = livingMembers(household, context.asOfDay);
  if (options.reserveEarner) household.earner = living.find(isWorkingAge) ?? living.find((member) => member.age >= 16);
  const share = random.float() * (options.incomeShare ?? 0.75);
  modestIncome(context, household, Math.floor(living.length * household.standard.minimumLivingMonthlyFen * share));
  cleanAssets(context, household, options.home);
  return household;
}

export function guaranteeHousehold(context: GenerationContext, rows: ChunkRows, maxSize: number): Household {
  const household = qualifyingHousehold(context, rows, maxSize);
  enrolGuarantee(context, rows, household);
  return household;
}

/** 低收入家庭: income above the standard and below 1.5 × it (here at most 1.42 ×), assets within the 低保 rules. */
export function lowIncomeHousehold(context: GenerationContext, rows: ChunkRows, maxSize: number): Household {
  const { random } = context;
  const household = qualifyingHousehold(context, rows, maxSize, {
    workingAdult: true,
    incomeShare: 0.3,
    reserveEarner: true,
  });
  const members = livingMembers(household, context.asOfDay).length;
  const target = Math.floor(members * household.standard.minimumLivingMonthlyFen * (1.08 + random.float() * 0.34));
  const earner = household.earner ?? household.members[0];
  if (earner) recordWage(context, household, earner, Math.floor((target - household.incomeFen) / 100) * 100);
  recordCase(context, rows, household, { kind: 'LOW_INCOME', status: 'ACTIVE', monthlyAmountFen: 0 });
  return household;
}

/** 特困人员: an old person living alone with no one to support them, paid 1.3 × the standard. */
export function extremePovertyHousehold(context: GenerationContext, rows: ChunkRows): Household {
  const { random } = context;
  const plan = [
    {
      relation: 'HEAD' as const,
      sex: random.chance(0.55) ? ('MALE' as const) : ('FEMALE' as const),
      age: random.int(60, 92),
    },
  ];
  const household = createHousehold(context, rows, { ...drawPlace(random), plan, disabilityShare: 0.25 });
  recordPension(
    context,
    household,
    household.members[0] as Household['members'][number],
    'URBAN_RURAL_RESIDENT',
    yuan(random.int(150, 300)),
  );
  cleanAssets(context, household, 'none');
  const amount = Math.round((household.standard.minimumLivingMonthlyFen * 1.3) / 100) * 100;
  recordCase(context, rows, household, { kind: 'EXTREME_POVERTY', status: 'ACTIVE', monthlyAmountFen: amount });
  return household;
}

/** A household applying for 低保, with declared rigid expenditure; most would qualify, some would not. */
export function applicantHousehold(context: GenerationContext, rows: ChunkRows, maxSize: number): Household {
  const { random } = context;
  const household = random.chance(0.6)
    ? qualifyingHousehold(context, rows, maxSize)
    : ordinaryHousehold(context, rows, maxSize);
  recordApplication(context, rows, household, {
    kind: 'MINIMUM_LIVING_GUARANTEE',
    status: random.chance(0.5) ? 'SUBMITTED' : 'VERIFYING',
    submittedOn: random.day(context.asOfDay - 40, context.asOfDay - 1),
    medicalExpenseMonthlyFen: random.chance(0.3) ? yuan(random.int(200, 1_500)) : 0,
    educationExpenseMonthlyFen: random.chance(0.2) ? yuan(random.int(100, 800)) : 0,
  });
  return household;
}
