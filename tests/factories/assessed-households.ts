import type { AssistanceKind, CaseStatus, Prisma, PrismaClient } from '@hub/prisma';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import type pg from 'pg';
import { createSnapshots, type Snapshots } from './department-records.ts';
import { createDepartment, createSnapshot } from './departments.ts';
import { createPerson } from './households.ts';
import { createRegionTree } from './regions.ts';
import { uniqueNumber } from './unique.ts';

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A city whose county has a standard (the city and the township have none, so a township's household takes the
 * county's), a snapshot of every dataset the engine reads, and a maker of households to assess.
 */
export async function createAssessmentWorld(
  prisma: PrismaClient,
  standard: {
    minimumLivingMonthlyFen: number;
    year: number;
    employmentCostDeductionFen?: number;
    /** Any other figure of the policy version. */
    policy?: Partial<Prisma.AssistanceStandardUncheckedCreateInput>;
  },
) {
  const regions = await createRegionTree(prisma);
  await prisma.assistanceStandard.create({
    data: {
      regionCode: regions.county.code,
      year: standard.year,
      effectiveFrom: new Date(Date.UTC(standard.year, 0, 1)),
      areaType: 'URBAN',
      minimumLivingMonthlyFen: standard.minimumLivingMonthlyFen,
      lowIncomeMultiplier: '1.5',
      financialAssetMonths: 24,
      maxHomes: 1,
      exemptVehicleMaxValueFen: 3_000_000n,
      employmentCostDeductionFen: standard.employmentCostDeductionFen ?? 0,
      ...standard.policy,
    },
  });
  const snapshots = await createSnapshots(prisma, { regionCode: regions.city.code });
  const civilAffairs = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.city.code });
  const roster = await createSnapshot(prisma, { departmentId: civilAffairs.id, dataset: 'STAFF_ROSTER' });
  const filings = await createSnapshot(prisma, { departmentId: civilAffairs.id, dataset: 'STAFF_RELATIVE_FILING' });

  /**
   * A household of `members` persons on one hukou booklet in the township, enrolled in the given case, or in none
   * with `enrolled: false` (the population a POPULATION_MONITORING run looks at beyond the enrolled).
   */
  async function household(
    options: {
      members?: number;
      caseKind?: AssistanceKind;
      caseStatus?: CaseStatus;
      gracePeriodEndsOn?: string;
      caseStartedOn?: string;
      /** Each member's year of birth, in order. */
      birthYears?: number[];
      /** Each member's day of birth (YYYY-MM-DD), in order, where the day matters; it wins over birthYears. */
      birthDates?: string[];
      /** 单人户: the index of the member the case enrols alone. */
      singlePerson?: number;
      /** false: no assistance case at all. */
      enrolled?: boolean;
    } = {},
  ) {
    const created = await prisma.household.create({
      data: { regionCode: regions.township.code, areaType: 'URBAN', address: `某街${uniqueNumber()}号` },
    });
    const hukouNumber = `H${uniqueNumber()}`;
    const members = [];
    for (let index = 0; index < (options.members ?? 1); index++) {
      const person = await createPerson(prisma, {
        householdId: created.id,
        relation: index === 0 ? 'HEAD' : 'CHILD',
        birthYear: options.birthYears?.[index],
        birthDate: options.birthDates?.[index],
      });
      await prisma.hukouRecord.create({
        data: { ...from(snapshots, 'HUKOU', person.id), status: 'ACTIVE', registeredRegionCode: '640104', hukouNumber },
      });
      members.push(person);
    }
    if (options.enrolled === false) {
      return { household: created, members, head: members[0] as (typeof members)[number], hukouNumber };
    }
    await prisma.assistanceCase.create({
      data: {
        householdId: created.id,
        kind: options.caseKind ?? 'MINIMUM_LIVING_GUARANTEE',
        status: options.caseStatus ?? 'ACTIVE',
        startedOn: day(options.caseStartedOn ?? '2024-01-01'),
        monthlyAmountFen: 10_000,
        gracePeriodEndsOn: options.gracePeriodEndsOn ? day(options.gracePeriodEndsOn) : null,
        singlePersonId: options.singlePerson === undefined ? null : (members[options.singlePerson]?.id ?? null),
      },
    });
    return { household: created, members, head: members[0] as (typeof members)[number], hukouNumber };
  }

  async function wage(
    personId: string,
    monthlyWageFen: number,
    snapshot = snapshots.EMPLOYMENT,
    startedOn = '2025-01-01',
  ) {
    return prisma.employmentRecord.create({
      data: {
        personId,
        departmentId: snapshot.departmentId,
        snapshotId: snapshot.id,
        asOf: snapshot.asOf,
        employerName: '某公司',
        employerCode: `E${uniqueNumber()}`,
        startedOn: day(startedOn),
        monthlyWageFen,
      },
    });
  }

  return { regions, snapshots, roster, filings, civilAffairs, household, wage };
}

export function from(snapshots: Snapshots, dataset: keyof Snapshots, personId: string) {
  const snapshot = snapshots[dataset];
  return { personId, departmentId: snapshot.departmentId, snapshotId: snapshot.id, asOf: snapshot.asOf };
}

export interface AssessedHousehold {
  classification: string | null;
  flags: string[];
  per_capita_income_fen: string | null;
  counted_members: number;
  monthly_income_fen: string;
  monthly_benefit_fen: string | null;
  applied_rules: {
    rule: string;
    citation: { document: string; paragraph: string } | null;
    holds: boolean | null;
    figures: Record<string, unknown>;
  }[];
}

/** Runs an APPLICATION comparison of one household as of a date and returns its result. */
export async function assessHousehold(pool: pg.Pool, householdId: string, asOf: string): Promise<AssessedHousehold> {
  const run = await startComparisonRun(pool, { kind: 'APPLICATION', asOf, householdIds: [householdId] });
  await runComparison(pool, run.id);
  const { rows } = await pool.query<AssessedHousehold>(
    `SELECT classification::text, flags::text[] AS flags, per_capita_income_fen, counted_members, monthly_income_fen,
            monthly_benefit_fen, applied_rules
       FROM household_assessments WHERE run_id = $1`,
    [run.id],
  );
  return rows[0] as AssessedHousehold;
}

/** The applied rule of that code in a result. */
export function appliedRule(result: AssessedHousehold, rule: string) {
  return result.applied_rules.find((applied) => applied.rule === rule);
}
