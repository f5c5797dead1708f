import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantEveryItem } from '../factories/agreements.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

type Hub = Awaited<ReturnType<typeof startTestApp>>;
let hub: Hub;
let manifest: SeedManifest;
let officer: string;
let auditor: string;

const START = `mutation ($input: StartComparisonRunInput!) {
  startComparisonRun(input: $input) { id status kind householdCount chunkCount }
}`;
const RUN = `query ($id: ID!) {
  comparisonRun(id: $id) {
    id status progress chunksDone chunkCount householdsDone householdCount
    summary { classifications { classification households } flags { flag households } }
  }
}`;

async function completedRun(token: string, input: Record<string, unknown>) {
  const started = await hub.graphql<{ startComparisonRun: { id: string } }>(START, { token, variables: { input } });
  expect(started.errors).toBeUndefined();
  const id = started.data?.startComparisonRun.id as string;
  for (let attempt = 0; attempt < 200; attempt++) {
    const answer = await hub.graphql<{ comparisonRun: { status: string; progress: number } }>(RUN, {
      token,
      variables: { id },
    });
    if (answer.data?.comparisonRun.status === 'COMPLETED') return answer.data.comparisonRun as Record<string, unknown>;
    expect(answer.data?.comparisonRun.status).not.toBe('FAILED');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${id} did not complete`);
}

beforeAll(async () => {
  const database = await createTestDatabase();
  manifest = await seedDatabase(database.url, { persons: 3_000, seed: 11 });
  hub = await startTestApp(database.url);
  const centre = await hub.prisma.department.findUniqueOrThrow({ where: { code: 'CIVIL_AFFAIRS_640100' } });
  // The centre reads the departments' records behind a flag under its agreements, as in the 核对报告.
  await grantEveryItem(hub.prisma, { consumerDepartmentId: centre.id, purposes: ['PERIODIC_REVIEW'] });
  const officerUser = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id });
  const auditorUser = await createUser(hub.prisma, { role: 'AUDITOR', departmentId: centre.id });
  officer = await hub.logIn(officerUser.user.username, officerUser.password);
  auditor = await hub.logIn(auditorUser.user.username, auditorUser.password);
});

describe('comparison runs through GraphQL', () => {
  it('lets a verification officer run a periodic review and read its progress, summary and flagged households with evidence', async () => {
    const run = await completedRun(officer, {
      kind: 'PERIODIC_REVIEW',
      regionCode: '640100',
      asOf: manifest.asOf,
      chunkSize: 50,
    });
    expect(run).toMatchObject({ status: 'COMPLETED', progress: 1 });
    expect(run.householdsDone).toBe(run.householdCount);
    const flagged = await hub.graphql<{
      assessments: {
        totalCount: number;
        edges: {
          node: {
            householdId: string;
            flags: {
              code: string;
              evidence: { department: { code: string } | null; snapshotId: string; recordId: string; asOf: string }[];
            }[];
          };
        }[];
      };
    }>(
      `query ($runId: ID!) {
        assessments(runId: $runId, flag: NON_EXEMPT_VEHICLE, first: 10) {
          totalCount
          edges { node { householdId classification perCapitaIncomeFen
            flags { code evidence { department { code } dataset recordId snapshotId asOf facts { name value } } } } }
        }
      }`,
      // The facts behind a flag are disclosed under the declared purpose, as the 核对报告 discloses them under the run's.
      { token: officer, purpose: 'PERIODIC_REVIEW', variables: { runId: run.id } },
    );
    expect(flagged.errors).toBeUndefined();
    const expected = manifest.plantedCases.filter((planted) => planted.expectedFlag === 'NON_EXEMPT_VEHICLE');
    expect(flagged.data?.assessments.totalCount).toBe(expected.length);
    const node = flagged.data?.assessments.edges[0]?.node;
    expect(expected.map((planted) => planted.householdId)).toContain(node?.householdId);
    const vehicle = node?.flags.find((flag) => flag.code === 'NON_EXEMPT_VEHICLE');
    expect(vehicle?.evidence[0]).toMatchObject({
      department: { code: 'PUBLIC_SECURITY_640100' },
      asOf: manifest.dataAsOf,
    });
  });

  it('starts a staff-relatives check and an application check from GraphQL, each finding its planted cases', async () => {
    const flaggedBy = async (run: Record<string, unknown>, flag: string) => {
      const answer = await hub.graphql<{ assessments: { edges: { node: { householdId: string } }[] } }>(
        `query ($runId: ID!, $flag: AssessmentFlagCode) {
          assessments(runId: $runId, flag: $flag, first: 100) { edges { node { householdId } } }
        }`,
        { token: officer, variables: { runId: run.id, flag } },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data?.assessments.edges.map((edge) => edge.node.householdId).sort();
    };
    const planted = (flag: string) =>
      manifest.plantedCases.filter((c) => c.expectedFlag === flag).map((c) => c.householdId);
    const staff = await completedRun(officer, { kind: 'STAFF_RELATIVES', regionCode: '640100', asOf: manifest.asOf });
    expect(await flaggedBy(staff, 'UNFILED_STAFF_RELATIVE')).toEqual(
      [...new Set(planted('UNFILED_STAFF_RELATIVE'))].sort(),
    );
    const applying = [...planted('EXCESS_PROPERTY'), ...planted('BUSINESS_REGISTERED')];
    const application = await completedRun(officer, {
      kind: 'APPLICATION',
      asOf: manifest.asOf,
      householdIds: applying,
    });
    expect(application.householdCount).toBe(new Set(applying).size);
    expect(await flaggedBy(application, 'EXCESS_PROPERTY')).toEqual([...new Set(planted('EXCESS_PROPERTY'))].sort());
    expect(await flaggedBy(application, 'BUSINESS_REGISTERED')).toEqual(
      [...new Set(planted('BUSINESS_REGISTERED'))].sort(),
    );
  });

  it('shows what changed since the previous run of the same kind and region', async () => {
    const input = { kind: 'DEATH_CHECK', regionCode: '640100', asOf: manifest.asOf };
    await completedRun(officer, input);
    const deceased = manifest.plantedCases.find((planted) => planted.kind === 'DECEASED_MEMBER');
    // The police correct a record: the cancellation was a migration, and the cremation record was someone else's.
    await hub.prisma.hukouRecord.updateMany({
      where: { personId: deceased?.personId as string, status: 'CANCELLED' },
      data: { status: 'ACTIVE', cancelledOn: null, cancellationReason: null },
    });
    await hub.prisma.cremationRecord.deleteMany({ where: { personId: deceased?.personId as string } });
    const second = await completedRun(officer, input);
    const diff = await hub.graphql<{
      comparisonRunDiff: {
        previousRun: { id: string } | null;
        cleared: { householdId: string; removedFlags: string[] }[];
        newlyFlagged: unknown[];
      };
    }>(
      `query ($runId: ID!) { comparisonRunDiff(runId: $runId) {
        previousRun { id } newlyFlagged { householdId } cleared { householdId removedFlags } changedClass { householdId }
      } }`,
      { token: officer, variables: { runId: second.id } },
    );
    expect(diff.errors).toBeUndefined();
    expect(diff.data?.comparisonRunDiff.previousRun).not.toBeNull();
    expect(diff.data?.comparisonRunDiff.newlyFlagged).toEqual([]);
    expect(diff.data?.comparisonRunDiff.cleared).toEqual([
      { householdId: deceased?.householdId, removedFlags: ['DECEASED_MEMBER'] },
    ]);
  });

  it('tells the pace of a run and when it ended', async () => {
    const run = await completedRun(officer, { kind: 'DEATH_CHECK', regionCode: '640100', asOf: manifest.asOf });
    const answer = await hub.graphql<{
      comparisonRun: { householdsPerSecond: number; estimatedCompletionAt: string; completedAt: string };
    }>('query ($id: ID!) { comparisonRun(id: $id) { householdsPerSecond estimatedCompletionAt completedAt } }', {
      token: officer,
      variables: { id: run.id },
    });
    expect(answer.data?.comparisonRun.householdsPerSecond).toBeGreaterThan(0);
    expect(answer.data?.comparisonRun.estimatedCompletionAt).toBe(answer.data?.comparisonRun.completedAt);
  });

  it('cancels a running comparison: no chunk is started after it, and a second cancel is refused', async () => {
    const started = await hub.graphql<{ startComparisonRun: { id: string; chunkCount: number } }>(START, {
      token: officer,
      variables: { input: { kind: 'PERIODIC_REVIEW', regionCode: '640100', asOf: manifest.asOf, chunkSize: 1 } },
    });
    const { id, chunkCount } = started.data?.startComparisonRun ?? { id: '', chunkCount: 0 };
    const CANCEL = 'mutation ($id: ID!) { cancelComparisonRun(id: $id) { status chunksDone } }';
    const cancelled = await hub.graphql<{ cancelComparisonRun: { status: string; chunksDone: number } }>(CANCEL, {
      token: officer,
      variables: { id },
    });
    expect(cancelled.data?.cancelComparisonRun.status).toBe('CANCELLED');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await hub.graphql<{ comparisonRun: { status: string; chunksDone: number } }>(RUN, {
      token: officer,
      variables: { id },
    });
    // The chunk in hand when it was cancelled may still finish; nothing after it starts.
    const done = later.data?.comparisonRun.chunksDone ?? 0;
    expect(done - (cancelled.data?.cancelComparisonRun.chunksDone ?? 0)).toBeLessThanOrEqual(1);
    expect(done).toBeLessThan(chunkCount);
    expect(later.data?.comparisonRun.status).toBe('CANCELLED');
    const again = await hub.graphql(CANCEL, { token: officer, variables: { id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('refuses auditors, and an APPLICATION run without households', async () => {
    const denied = await hub.graphql(START, {
      token: auditor,
      variables: { input: { kind: 'PERIODIC_REVIEW', regionCode: '640100', asOf: manifest.asOf } },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listing = await hub.graphql('{ comparisonRuns { id } }', { token: auditor });
    expect(listing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await hub.graphql(START, {
      token: officer,
      variables: { input: { kind: 'APPLICATION', asOf: manifest.asOf } },
    });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'HOUSEHOLDS_REQUIRED' });
  });
});
