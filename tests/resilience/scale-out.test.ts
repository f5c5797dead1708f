import { createPrismaClient } from '@hub/prisma';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { ADMIN, type DemoRegion, loadDemoRegion } from './support/demo-region.ts';
import { logIn, postGraphql } from './support/graphql-client.ts';
import { type HubServer, startHubServer, startWorker } from './support/hub-processes.ts';

// Scaling out: two hub processes on two ports and two comparison workers, all on one PostgreSQL. An agreement
// approved or suspended through one instance takes effect on the other within a second (NOTIFY, no polling), and
// a run started through one is shared by both workers and completes exactly once.

const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const DEPOSITS = 'query ($idNumber: String!) { person(idNumber: $idNumber) { bankAccounts { balanceFen } } }';
const PROPAGATION_MS = 1_000;

const database = await createTestDatabase();
const prisma = createPrismaClient(database.url, { maxConnections: 2 });
let demo: DemoRegion;
let hubs: [HubServer, HubServer];
let adminToken: string;

beforeAll(async () => {
  demo = await loadDemoRegion(database.url, { persons: 2_000 });
  hubs = await Promise.all([startHubServer(database.url), startHubServer(database.url)]);
  adminToken = await logIn(hubs[0].url, ADMIN.username, ADMIN.password);
});
afterAll(async () => {
  await Promise.all((hubs ?? []).map((hub) => hub.stop()));
  await prisma.$disconnect();
});

/**
 * Milliseconds until `check` holds, polling as fast as the instance answers; Infinity after 5 s. The time is when the
 * first check that held was sent: the change had taken effect by then, and the answer's own latency (long on a
 * loaded machine) is not propagation.
 */
async function millisecondsUntil(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 5_000) {
    const asked = performance.now();
    if (await check()) return asked - started;
  }
  return Number.POSITIVE_INFINITY;
}

describe('two hub instances and two workers on one PostgreSQL', () => {
  it('an agreement approved or suspended on one instance takes effect on the other within a second', async () => {
    const [person] = await prisma.$queryRaw<{ id: string; id_number: string; department_id: string }[]>`
      SELECT p.id, p.id_number, d.department_id FROM persons p JOIN bank_deposits d ON d.person_id = p.id LIMIT 1`;
    if (!person) throw new Error('the demo region has no bank deposits');
    const tax = await createDepartment(prisma, { kind: 'TAX', regionCode: '640100' });
    const partner = await createPartnerToken(prisma, tax.id);
    await createConsent(prisma, { personId: person.id });
    const agreement = await createAgreement(prisma, {
      consumerDepartmentId: tax.id,
      providerDepartmentId: person.department_id,
      items: { BANK_DEPOSITS: 'FULL' },
      status: 'PENDING_APPROVAL',
    });
    const seesDeposits = async () => {
      const answer = await postGraphql(
        hubs[1].url,
        { query: DEPOSITS, variables: { idNumber: person.id_number } },
        {
          token: partner,
          purpose: PURPOSE,
        },
      );
      return (answer.body?.data?.person as { bankAccounts: unknown[] | null } | null)?.bankAccounts != null;
    };
    const act = (mutation: string) =>
      postGraphql(hubs[0].url, { query: mutation, variables: { id: agreement.id } }, { token: adminToken });

    expect(await seesDeposits()).toBe(false); // the other instance has looked it up, and cached the answer
    const approved = await act('mutation ($id: ID!) { approveSharingAgreement(id: $id) { status } }');
    expect(approved.body?.data).toEqual({ approveSharingAgreement: { status: 'ACTIVE' } });
    const approval = await millisecondsUntil(seesDeposits);

    const suspended = await act('mutation ($id: ID!) { suspendSharingAgreement(id: $id, reason: "核查") { status } }');
    expect(suspended.body?.data).toEqual({ suspendSharingAgreement: { status: 'SUSPENDED' } });
    const suspension = await millisecondsUntil(async () => !(await seesDeposits()));
    console.log(
      `on the other instance: approval after ${approval.toFixed(0)} ms, suspension after ${suspension.toFixed(0)} ms`,
    );
    expect(approval).toBeLessThan(PROPAGATION_MS);
    expect(suspension).toBeLessThan(PROPAGATION_MS);
  });

  it('a run started on one instance is shared by both workers and completes, each household assessed once', async () => {
    const workers = [startWorker(database.url, ['--poll-ms', '50']), startWorker(database.url, ['--poll-ms', '50'])];
    // Both polling before the run exists: neither finds it finished by the other and the instance already.
    while (!workers.every((worker) => worker.output().includes('ready'))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const started = await postGraphql(
      hubs[0].url,
      {
        query: 'mutation ($input: StartComparisonRunInput!) { startComparisonRun(input: $input) { id } }',
        variables: { input: { kind: 'PERIODIC_REVIEW', regionCode: '640100', asOf: demo.asOf, chunkSize: 2 } },
      },
      { token: adminToken, purpose: 'PERIODIC_REVIEW' },
    );
    const runId = (started.body?.data?.startComparisonRun as { id: string } | undefined)?.id;
    expect(runId, started.text).toBeDefined();
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const status = async () =>
        (await pool.query<{ status: string }>('SELECT status FROM comparison_runs WHERE id = $1', [runId])).rows[0]
          ?.status;
      const deadline = Date.now() + 120_000;
      while ((await status()) !== 'COMPLETED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await status()).toBe('COMPLETED');

      const { rows } = await pool.query<{ households: number; assessments: number; cohort: number }>(
        `SELECT (SELECT count(DISTINCT household_id)::int FROM household_assessments WHERE run_id = $1) AS households,
                (SELECT count(*)::int FROM household_assessments WHERE run_id = $1) AS assessments,
                (SELECT count(*)::int FROM comparison_chunks, unnest(household_ids) WHERE run_id = $1) AS cohort`,
        [runId],
      );
      expect(rows[0]?.assessments).toBe(rows[0]?.cohort);
      expect(rows[0]?.households).toBe(rows[0]?.cohort);
      // Each worker prints a line per chunk it finished.
      const chunksBy = workers.map((worker) => worker.output().split(`run ${runId}:`).length - 1);
      console.log(`chunks done by the two workers: ${chunksBy.join(' and ')}`);
      expect(chunksBy.every((chunks) => chunks > 0)).toBe(true);
    } finally {
      await pool.end();
      await Promise.all(workers.map((worker) => worker.kill()));
    }
  });
});
