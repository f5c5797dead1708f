import { isWithinLine } from '../policy/is-within-line.ts';
import { yuan } from './asset-records.ts';
import { enrolGuarantee, recordCase } from './assistance-records.ts';
import { addMonths, isoDate } from './calendar.ts';
import type { ChunkRows } from './chunk-rows.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import { livingMembers } from './generation-context.ts';
import { longStandingStart, recordHousingFund, recordWage } from './income-sources.ts';
import type { Detail } from './manifest.ts';
import { qualifyingHousehold } from './regular-households.ts';

// Income cases: a wage (or a housing-fund contribution that reveals one) that puts per-capita income outside the
// 低保 line, and the boundary around it. Whether a household exactly at the standard is outside the line is read
// from the region's policy data (低于: it is; 不高于: it is not), so it is planted or a control accordingly. The
// wage started before any grace period could still hold the flag back (渐退期, from the same data).

export type IncomeTarget = 'ONE_FEN_ABOVE' | 'WELL_ABOVE' | 'AT_STANDARD' | 'ONE_FEN_BELOW';

function enrolledWithEarner(context: GenerationContext, rows: ChunkRows, maxSize: number): [Household, Member, number] {
  const household = qualifyingHousehold(context, rows, maxSize, { workingAdult: true, reserveEarner: true });
  enrolGuarantee(context, rows, household);
  const members = livingMembers(household, context.asOfDay).length;
  return [household, household.earner ?? (household.members[0] as Member), members];
}

function incomeDetail(household: Household, members: number, extra: Detail): Detail {
  return {
    members,
    totalIncomeFen: household.incomeFen,
    perCapitaIncomeFen: household.incomeFen / members,
    standardFen: household.standard.minimumLivingMonthlyFen,
    ...extra,
  };
}

/** A long-standing wage that brings the household's monthly income to exactly members × the target per head. */
export function plantIncome(context: GenerationContext, rows: ChunkRows, maxSize: number, target: IncomeTarget): void {
  const [household, earner, members] = enrolledWithEarner(context, rows, maxSize);
  const standardFen = household.standard.minimumLivingMonthlyFen;
  const perCapitaFen =
    target === 'ONE_FEN_ABOVE'
      ? standardFen + 1
      : target === 'AT_STANDARD'
        ? standardFen
        : target === 'ONE_FEN_BELOW'
          ? standardFen - 1
          : yuan((standardFen / 100) * (1.2 + context.random.float() * 0.6));
  const beforeAnyGrace = addMonths(context.asOfDay, -(household.standard.gracePeriodMonths + 1));
  recordWage(context, household, earner, members * perCapitaFen - household.incomeFen, {
    startedOn: Math.min(longStandingStart(context, earner), beforeAnyGrace),
  });
  const isWithin = isWithinLine(members * perCapitaFen, members, standardFen, household.standard.minimumLivingLine);
  const detail = incomeDetail(household, members, {
    relationToStandard: target,
    reading: household.standard.minimumLivingLine,
    isWithinMinimumLivingLine: isWithin,
  });
  if (isWithin) {
    context.controls.push({
      kind: target === 'AT_STANDARD' ? 'INCOME_AT_STANDARD' : 'INCOME_ONE_FEN_BELOW_STANDARD',
      householdId: household.id,
      personId: earner.id,
      note: `per-capita income ${target === 'AT_STANDARD' ? 'exactly at' : 'one fen below'} the standard: within the 低保 line read ${household.standard.minimumLivingLine}`,
      detail,
    });
  } else {
    context.plantedCases.push({
      kind: 'INCOME_ABOVE_STANDARD',
      householdId: household.id,
      personId: earner.id,
      expectedFlag: 'INCOME_ABOVE_STANDARD',
      detail,
    });
  }
}

/** A paying housing-fund account and no wage record: the wage it implies (contribution ÷ 2 × rate) lifts the household. */
export function plantHousingFundWage(context: GenerationContext, rows: ChunkRows, maxSize: number): void {
  const [household, earner, members] = enrolledWithEarner(context, rows, maxSize);
  const standardFen = household.standard.minimumLivingMonthlyFen;
  const targetFen = members * standardFen * (1.15 + context.random.float() * 0.45);
  const impliedWageFen = Math.ceil((targetFen - household.incomeFen) / 100) * 100;
  const ratePermille = context.random.pick([50, 80, 100, 120]);
  const contributionFen = recordHousingFund(
    context,
    earner,
    context.random.pick(context.employers),
    impliedWageFen,
    ratePermille,
  );
  const withImplied = household.incomeFen + impliedWageFen;
  context.plantedCases.push({
    kind: 'HOUSING_FUND_IMPLIED_WAGE',
    householdId: household.id,
    personId: earner.id,
    expectedFlag: 'INCOME_ABOVE_STANDARD',
    detail: {
      ...incomeDetail(household, members, {}),
      contributionFen,
      contributionRate: ratePermille / 1000,
      impliedWageFen,
      totalIncomeWithImpliedWageFen: withImplied,
      perCapitaIncomeWithImpliedWageFen: withImplied / members,
    },
  });
}

/** 渐退期: a member found work within the year; income is above the standard but benefits go on for 18 months. */
export function gracePeriodHousehold(context: GenerationContext, rows: ChunkRows, maxSize: number): Household {
  const { random } = context;
  const household = qualifyingHousehold(context, rows, maxSize, {
    workingAdult: true,
    reserveEarner: true,
    incomeShare: 0.4,
  });
  const members = livingMembers(household, context.asOfDay).length;
  const standardFen = household.standard.minimumLivingMonthlyFen;
  const gapBeforeJob = Math.max(100, Math.floor((members * standardFen - household.incomeFen) / 100) * 100);
  const jobStartedOn = random.day(addMonths(context.asOfDay, -12), addMonths(context.asOfDay, -2));
  const target = Math.floor(members * standardFen * (1.1 + random.float() * 0.35));
  const earner = household.earner ?? (household.members[0] as Member);
  recordWage(context, household, earner, Math.floor((target - household.incomeFen) / 100) * 100, {
    startedOn: jobStartedOn,
  });
  const gracePeriodEndsOn = addMonths(jobStartedOn, household.standard.gracePeriodMonths) - 1;
  recordCase(context, rows, household, {
    kind: 'MINIMUM_LIVING_GUARANTEE',
    status: 'GRACE_PERIOD',
    monthlyAmountFen: gapBeforeJob,
    startedOn: random.day(addMonths(jobStartedOn, -72), addMonths(jobStartedOn, -3)),
    gracePeriodEndsOn,
  });
  context.controls.push({
    kind: 'GRACE_PERIOD_EMPLOYMENT',
    householdId: household.id,
    personId: earner.id,
    note: 'income above the standard from a job started within the year; the case is in its grace period until gracePeriodEndsOn',
    detail: incomeDetail(household, members, {
      jobStartedOn: isoDate(jobStartedOn),
      gracePeriodEndsOn: isoDate(gracePeriodEndsOn),
    }),
  });
  return household;
}
