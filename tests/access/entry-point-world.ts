import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@hub/prisma';
import { userChangeActor } from '@hub/server/audit/change-actors';
import { createApiClient } from '@hub/server/identity/create-api-client';
import { createAgreement, createConsent } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createAssessedRun } from '../factories/assessments.ts';
import { createDepartment, createSnapshot } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';

/** The six viewers every entry point is tried as (issue 13, point 6). */
export const VIEWERS = ['anonymous', 'noAgreement', 'masked', 'derived', 'otherOfficer', 'auditor'] as const;
export type ViewerName = (typeof VIEWERS)[number];

export interface Caller {
  token?: string;
  /** The purpose it declares in `x-hub-purpose`: the one its agreements name, if any. */
  purpose?: string;
}

/**
 * The subjects the viewers ask about, all in one county's civil-affairs region: a household of three with an
 * assistance case and a consent, a completed run with the household's result, an agreement, a schedule, a snapshot
 * and an API client. None of the six viewers is the county's own staff. Beside each, an id that names nothing.
 */
export async function createEntryPointWorld(
  prisma: PrismaClient,
  hub: { logIn(username: string, password: string): Promise<string> },
) {
  const regions = await createRegionTree(prisma);
  const family = await createHousehold(prisma, { regionCode: regions.county.code });
  const centre = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.county.code });
  const security = await createDepartment(prisma, { kind: 'PUBLIC_SECURITY', regionCode: regions.city.code });
  const bank = await createDepartment(prisma, { kind: 'BANK', regionCode: regions.city.code });
  const housing = await createDepartment(prisma, { kind: 'HOUSING', regionCode: regions.city.code });
  const tax = await createDepartment(prisma, { kind: 'TAX', regionCode: regions.city.code });
  const agreement = await createAgreement(prisma, {
    consumerDepartmentId: housing.id,
    providerDepartmentId: centre.id,
    purposes: ['HOUSING_SUBSIDY'],
    items: { PERSON_IDENTITY: 'MASKED', HOUSEHOLD_COMPOSITION: 'MASKED' },
  });
  await createAgreement(prisma, {
    consumerDepartmentId: tax.id,
    providerDepartmentId: centre.id,
    purposes: ['EMPLOYMENT_ASSISTANCE'],
    items: { PERSON_IDENTITY: 'DERIVED', HOUSEHOLD_COMPOSITION: 'DERIVED' },
  });
  const elsewhere = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.otherCounty.code });
  const session = async (role: 'VERIFICATION_OFFICER' | 'AUDITOR', departmentId: string) => {
    const { user, password } = await createUser(prisma, { role, departmentId });
    return hub.logIn(user.username, password);
  };
  const callers: Record<ViewerName, Caller> = {
    anonymous: {},
    noAgreement: { token: await createPartnerToken(prisma, bank.id), purpose: 'MINIMUM_LIVING_GUARANTEE' },
    masked: { token: await createPartnerToken(prisma, housing.id), purpose: 'HOUSING_SUBSIDY' },
    derived: { token: await createPartnerToken(prisma, tax.id), purpose: 'EMPLOYMENT_ASSISTANCE' },
    otherOfficer: { token: await session('VERIFICATION_OFFICER', elsewhere.id), purpose: 'MINIMUM_LIVING_GUARANTEE' },
    auditor: { token: await session('AUDITOR', centre.id) },
  };

  const run = await createAssessedRun(prisma, { regionCode: regions.county.code, householdId: family.household.id });
  const assistanceCase = await prisma.assistanceCase.create({
    data: {
      householdId: family.household.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'ACTIVE',
      startedOn: new Date('2025-01-01'),
      monthlyAmountFen: 50_000,
    },
  });
  // A discrepancy case of the county's office (the household's region has no township above it).
  const discrepancyCase = await prisma.discrepancyCase.create({
    data: {
      householdId: family.household.id,
      officeRegionCode: regions.county.code,
      kind: 'PERIODIC_REVIEW',
      flags: ['INCOME_ABOVE_STANDARD'],
      openedByRunId: run.id,
      latestRunId: run.id,
      dueOn: new Date('2026-12-31'),
      deadlineWorkingDays: 15,
      findings: { create: { runId: run.id, householdId: family.household.id, flags: ['INCOME_ABOVE_STANDARD'] } },
    },
  });
  const consent = await createConsent(prisma, { personId: family.head.id });
  const schedule = await prisma.comparisonSchedule.create({
    data: { regionCode: regions.county.code, nextRunAt: new Date('2027-01-01') },
  });
  const snapshot = await createSnapshot(prisma, { departmentId: security.id, dataset: 'VEHICLE', status: 'REFUSED' });
  const { user: centreAdmin } = await createUser(prisma, { role: 'ADMIN', departmentId: centre.id });
  const { apiClient } = await createApiClient(
    prisma,
    { departmentId: centre.id, name: '民政业务系统' },
    centreAdmin.id,
    userChangeActor(centreAdmin, 'test set-up'),
  );
  const usernames = Object.fromEntries(
    await Promise.all(
      VIEWERS.map(async (viewer) => {
        const { user } = await createUser(prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id });
        return [viewer, user.username] as const;
      }),
    ),
  ) as Record<ViewerName, string>;
  return {
    regions,
    usernames,
    family,
    centre,
    callers,
    ids: {
      run: run.id,
      agreement: agreement.id,
      assistanceCase: assistanceCase.id,
      discrepancyCase: discrepancyCase.id,
      consent: consent.id,
      schedule: schedule.id,
      snapshot: snapshot.id,
      apiClient: apiClient.id,
      apiClientId: apiClient.clientId,
      user: centreAdmin.id,
    },
    /** A valid identity number of the county that the hub does not hold, and an id that names nothing. */
    nobody: uniqueIdNumber({ regionCode: regions.county.code.slice(0, 6) }).idNumber,
    noId: randomUUID(),
  };
}

export type EntryPointWorld = Awaited<ReturnType<typeof createEntryPointWorld>>;
