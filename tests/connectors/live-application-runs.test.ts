import { createPrismaClient, type Dataset } from '@hub/prisma';
import { systemChangeActor } from '@hub/server/audit/change-actors';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import { configureDepartmentConnector } from '@hub/server/connectors/configure-department-connector';
import { createConnectorRegistry } from '@hub/server/connectors/create-connector-registry';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentWorld, day } from '../factories/assessed-households.ts';
import { createDepartment, createSnapshot } from '../factories/departments.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// APPLICATION runs against a bank that answers over HTTP (msw stands in for the bank's API; the hub, its connector
// registry, the comparison engine and PostgreSQL are real). Each bank here holds a small deposit in its bulk
// snapshot (within the asset limit) and answers live with a large one (over it): the classification says which
// data the run used, and the result's data sources say so in words.

process.env.HUB_SECRET_KEY ??= 'test-secret-key-of-at-least-32-characters';
const AS_OF = '2026-10-31';
const SMALL = 100_000; // ¥1,000
const LARGE = 50_000_000; // ¥500,000: over 24 months × ¥800 for any household here

const api = setupServer();
const database = await createTestDatabase();
const prisma = createPrismaClient(database.url, { maxConnections: 2 });
const pool = new pg.Pool({ connectionString: database.url, max: 3 });
const registry = createConnectorRegistry(pool);
let world: Awaited<ReturnType<typeof createAssessmentWorld>>;

beforeAll(async () => {
  api.listen({ onUnhandledRequest: 'error' });
  world = await createAssessmentWorld(prisma, { minimumLivingMonthlyFen: 80_000, year: 2026 });
});
afterEach(async () => {
  api.resetHandlers();
  await pool.query('UPDATE department_connectors SET enabled = false, updated_at = now()');
});
afterAll(async () => {
  api.close();
  registry.close();
  await pool.end();
  await prisma.$disconnect();
});

interface DataSource {
  departmentId: string;
  dataset: Dataset;
  source: string;
  snapshotId: string | null;
  reason: string | null;
}

/** A bank with a bulk snapshot, a live connector, and a household of `members` each holding a small deposit there. */
async function bankWithApplicant(members: number, settings: Record<string, number> = {}) {
  const bank = await createDepartment(prisma, { kind: 'BANK', regionCode: world.regions.city.code });
  const bulk = await createSnapshot(prisma, {
    departmentId: bank.id,
    dataset: 'BANK_DEPOSIT',
    asOf: day('2026-06-30'),
  });
  const made = await world.household({ members });
  for (const member of made.members) {
    await prisma.bankDeposit.create({
      data: {
        personId: member.id,
        departmentId: bank.id,
        snapshotId: bulk.id,
        asOf: bulk.asOf,
        accountNumber: `6222${uniqueNumber()}`,
        depositType: 'DEMAND',
        balanceFen: BigInt(SMALL),
        openedOn: day('2020-01-01'),
      },
    });
  }
  const base = `https://bank-${uniqueNumber()}.example.test/verification/v1`;
  const { id: connectorId } = await configureDepartmentConnector(
    prisma,
    {
      departmentId: bank.id,
      datasets: ['BANK_DEPOSIT'],
      baseUrl: base,
      credential: 'bank-issued-token',
      batchSize: null,
      concurrency: null,
      timeoutMs: 300,
      retries: 2,
      backoffMs: 10,
      maxBackoffMs: null,
      circuitErrorPercentage: null,
      circuitMinimumBatches: null,
      circuitResetMs: null,
      enabled: null,
      ...settings,
    },
    systemChangeActor('test set-up'),
  );
  return { bank, bulk, base, connectorId, household: made.household, idNumbers: made.members.map((m) => m.idNumber) };
}

const deposit = (idNumber: string, balanceFen = LARGE) => ({
  idNumber,
  account_number: `6222${idNumber.slice(-8)}`,
  deposit_type: 'TIME',
  balance_fen: balanceFen,
  opened_on: '2026-09-01',
});

const answering =
  (balanceFen = LARGE) =>
  async ({ request }: { request: Request }) => {
    const { idNumbers } = (await request.json()) as { idNumbers: string[] };
    return HttpResponse.json({
      asOf: '2026-10-30',
      records: idNumbers.map((id) => deposit(id, balanceFen)),
      notFound: [],
    });
  };

async function assess(householdId: string) {
  const run = await startComparisonRun(pool, { kind: 'APPLICATION', asOf: AS_OF, householdIds: [householdId] });
  await runComparison(pool, run.id, { connectors: registry });
  const { rows } = await pool.query<{ classification: string; flags: string[]; data_sources: DataSource[] }>(
    'SELECT classification::text, flags::text[] AS flags, data_sources FROM household_assessments WHERE run_id = $1',
    [run.id],
  );
  return rows[0] as { classification: string; flags: string[]; data_sources: DataSource[] };
}

const fromBank = (sources: DataSource[], bankId: string) =>
  sources.filter((source) => source.departmentId === bankId && source.dataset === 'BANK_DEPOSIT');

describe('an APPLICATION run with a live connector', () => {
  it('assesses on the live answer, keeps it as a LIVE snapshot that is never current, and leaves the bulk one current', async () => {
    const applicant = await bankWithApplicant(2);
    let authorization: string | null = null;
    api.use(
      http.post(`${applicant.base}/records:query`, async (info) => {
        authorization = info.request.headers.get('authorization');
        return answering()(info);
      }),
    );
    const result = await assess(applicant.household.id);
    expect(authorization).toBe('Bearer bank-issued-token');
    expect(result.flags).toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(result.classification).toBe('ABOVE_LINE');
    const [used, ...others] = fromBank(result.data_sources, applicant.bank.id);
    expect(others).toEqual([]);
    expect(used).toMatchObject({ source: 'LIVE', reason: null });
    const live = await prisma.datasetSnapshot.findUniqueOrThrow({
      where: { id: used?.snapshotId as string },
      include: { persons: true },
    });
    expect(live).toMatchObject({
      source: 'LIVE',
      status: 'ANSWERED',
      departmentId: applicant.bank.id,
      acceptedCount: 2,
    });
    expect(live.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(live.asOf).toEqual(day('2026-10-30'));
    expect(live.persons.map((person) => person.outcome)).toEqual(['FOUND', 'FOUND']);
    expect((await prisma.datasetSnapshot.findUniqueOrThrow({ where: { id: applicant.bulk.id } })).status).toBe(
      'CURRENT',
    );
    // The flag's evidence is the live records, with their provenance.
    const { rows: evidence } = await pool.query(
      `SELECT e FROM household_assessments a, jsonb_array_elements(a.findings) f, jsonb_array_elements(f->'evidence') e
        WHERE a.household_id = $1 AND f->>'flag' = 'FINANCIAL_ASSETS_OVER_LIMIT' AND e->>'dataset' = 'BANK_DEPOSIT'`,
      [applicant.household.id],
    );
    const liveEvidence = expect.objectContaining({
      source: 'LIVE',
      snapshotId: live.id,
      asOf: '2026-10-30',
      facts: expect.objectContaining({ balanceFen: LARGE }),
    });
    expect(evidence.map((row) => row.e)).toEqual([liveEvidence, liveEvidence]);
    // Everyone else's data is still the bulk snapshot: a periodic review of the same household reads the small deposits.
    const review = await startComparisonRun(pool, {
      kind: 'PERIODIC_REVIEW',
      regionCode: world.regions.township.code,
      asOf: AS_OF,
    });
    await runComparison(pool, review.id, { connectors: registry });
    const { rows } = await pool.query(
      'SELECT flags::text[] AS flags, data_sources FROM household_assessments WHERE run_id = $1 AND household_id = $2',
      [review.id, applicant.household.id],
    );
    expect(rows[0].flags).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(rows[0].data_sources).toEqual([]);
  });

  it('says SNAPSHOT for the datasets no connector answers', async () => {
    const applicant = await bankWithApplicant(1);
    api.use(http.post(`${applicant.base}/records:query`, answering()));
    const result = await assess(applicant.household.id);
    expect(result.data_sources).toContainEqual(
      expect.objectContaining({ dataset: 'HUKOU', source: 'SNAPSHOT', snapshotId: world.snapshots.HUKOU.id }),
    );
  });

  it('falls back on the bulk snapshot when the bank times out on every attempt, and says so', async () => {
    const applicant = await bankWithApplicant(2, { timeoutMs: 100, retries: 1 });
    let calls = 0;
    api.use(
      http.post(`${applicant.base}/records:query`, async () => {
        calls += 1;
        await delay(1_000);
        return HttpResponse.json({ asOf: '2026-10-30', records: [], notFound: [] });
      }),
    );
    const result = await assess(applicant.household.id);
    expect(calls).toBe(2);
    expect(result.flags).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(fromBank(result.data_sources, applicant.bank.id)).toEqual([
      expect.objectContaining({
        source: 'SNAPSHOT_FALLBACK',
        snapshotId: applicant.bulk.id,
        reason: 'TIMEOUT for 2 of 2 members',
      }),
    ]);
  });

  it('falls back after a 5xx outlasts the retries', async () => {
    const applicant = await bankWithApplicant(1, { retries: 2 });
    let calls = 0;
    api.use(
      http.post(`${applicant.base}/records:query`, () => {
        calls += 1;
        return new HttpResponse('maintenance', { status: 503 });
      }),
    );
    const result = await assess(applicant.household.id);
    expect(calls).toBe(3);
    expect(result.flags).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(fromBank(result.data_sources, applicant.bank.id)).toEqual([
      expect.objectContaining({ source: 'SNAPSHOT_FALLBACK', reason: 'SERVER_ERROR for 1 of 1 members' }),
    ]);
  });

  it('waits out a 429 Retry-After and then uses the live answer', async () => {
    const applicant = await bankWithApplicant(1, { backoffMs: 1 });
    const times: number[] = [];
    api.use(
      http.post(`${applicant.base}/records:query`, async (info) => {
        times.push(performance.now());
        if (times.length === 1) return new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } });
        return answering()(info);
      }),
    );
    const result = await assess(applicant.household.id);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
    expect(result.flags).toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(fromBank(result.data_sources, applicant.bank.id).map((source) => source.source)).toEqual(['LIVE']);
  });

  it('takes a malformed body for no answer and falls back', async () => {
    const applicant = await bankWithApplicant(1);
    api.use(http.post(`${applicant.base}/records:query`, () => HttpResponse.text('<html>gateway</html>')));
    const result = await assess(applicant.household.id);
    expect(result.flags).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(fromBank(result.data_sources, applicant.bank.id)).toEqual([
      expect.objectContaining({ source: 'SNAPSHOT_FALLBACK', reason: 'MALFORMED_ANSWER for 1 of 1 members' }),
    ]);
  });

  it('takes records that do not fit the dataset (an unknown deposit type) for a malformed answer, storing none of them', async () => {
    const applicant = await bankWithApplicant(2);
    api.use(
      http.post(`${applicant.base}/records:query`, async ({ request }) => {
        const { idNumbers } = (await request.json()) as { idNumbers: string[] };
        const records = idNumbers.map((id) => ({ ...deposit(id), deposit_type: 'GOLD_BARS' }));
        return HttpResponse.json({ asOf: '2026-10-30', records, notFound: [] });
      }),
    );
    const result = await assess(applicant.household.id);
    expect(result.flags).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    const [fallback] = fromBank(result.data_sources, applicant.bank.id);
    expect(fallback).toMatchObject({ source: 'SNAPSHOT_FALLBACK', reason: 'MALFORMED_ANSWER for 2 of 2 members' });
    const live = await prisma.datasetSnapshot.findFirstOrThrow({
      where: { departmentId: applicant.bank.id, source: 'LIVE' },
    });
    expect(await prisma.bankDeposit.count({ where: { snapshotId: live.id } })).toBe(0);
    const health = await prisma.departmentConnector.findUniqueOrThrow({ where: { id: applicant.connectorId } });
    expect(health.lastFailureReason).toBe('BANK_DEPOSIT: MALFORMED_ANSWER for 2 of 2 persons');
  });

  it('judges live records by the checks a bulk row gets: a negative amount or an unknown field makes the answer malformed, with the rejects kept', async () => {
    const applicant = await bankWithApplicant(2);
    api.use(
      http.post(`${applicant.base}/records:query`, async ({ request }) => {
        const { idNumbers } = (await request.json()) as { idNumbers: string[] };
        const [first = '', second = ''] = idNumbers;
        const records = [deposit(first, -500), { ...deposit(second), branch_manager: '王经理' }];
        return HttpResponse.json({ asOf: '2026-10-30', records, notFound: [] });
      }),
    );
    const result = await assess(applicant.household.id);
    expect(fromBank(result.data_sources, applicant.bank.id)).toEqual([
      expect.objectContaining({ source: 'SNAPSHOT_FALLBACK', reason: 'MALFORMED_ANSWER for 2 of 2 members' }),
    ]);
    const live = await prisma.datasetSnapshot.findFirstOrThrow({
      where: { departmentId: applicant.bank.id, source: 'LIVE' },
    });
    expect(await prisma.bankDeposit.count({ where: { snapshotId: live.id } })).toBe(0);
    const rejects = await prisma.datasetSnapshotReject.findMany({
      where: { snapshotId: live.id },
      orderBy: { line: 'asc' },
    });
    expect(rejects.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 1, reason: 'NEGATIVE_AMOUNT' },
      { line: 2, reason: 'UNKNOWN_FIELD' },
    ]);
  });

  it('holds no transaction open while the department answers', async () => {
    const applicant = await bankWithApplicant(1);
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    const openTransactions: number[] = [];
    api.use(
      http.post(`${applicant.base}/records:query`, async (info) => {
        const { rows } = await watcher.query<{ open: number }>(
          `SELECT count(*)::int AS open FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND xact_start IS NOT NULL`,
        );
        openTransactions.push(rows[0]?.open ?? -1);
        return answering()(info);
      }),
    );
    try {
      const result = await assess(applicant.household.id);
      expect(result.flags).toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    } finally {
      await watcher.end();
    }
    expect(openTransactions).toEqual([0]);
  });

  it('uses a partial answer for the members it covers and the bulk snapshot for the one it left out', async () => {
    const applicant = await bankWithApplicant(2);
    const [covered, left] = applicant.idNumbers as [string, string];
    api.use(
      http.post(`${applicant.base}/records:query`, () =>
        HttpResponse.json({ asOf: '2026-10-30', records: [deposit(covered, 1_000_000)], notFound: [] }),
      ),
    );
    const run = await startComparisonRun(pool, {
      kind: 'APPLICATION',
      asOf: AS_OF,
      householdIds: [applicant.household.id],
    });
    await runComparison(pool, run.id, { connectors: registry });
    const { rows } = await pool.query<{ financial_assets_fen: string; data_sources: DataSource[] }>(
      'SELECT financial_assets_fen, data_sources FROM household_assessments WHERE run_id = $1',
      [run.id],
    );
    // The covered member's live ¥10,000 (not the bulk ¥1,000) and the other's bulk ¥1,000.
    expect(Number(rows[0]?.financial_assets_fen)).toBe(1_000_000 + SMALL);
    expect(fromBank(rows[0]?.data_sources ?? [], applicant.bank.id)).toEqual([
      expect.objectContaining({ source: 'LIVE' }),
      expect.objectContaining({
        source: 'SNAPSHOT_FALLBACK',
        snapshotId: applicant.bulk.id,
        reason: 'NOT_IN_ANSWER for 1 of 2 members',
      }),
    ]);
    expect(left).not.toBe(covered);
  });

  it('opens the circuit when the bank keeps failing, asks nothing while it is open, and closes it after a half-open probe succeeds', async () => {
    const applicant = await bankWithApplicant(4, {
      retries: 0,
      batchSize: 1,
      concurrency: 1,
      circuitMinimumBatches: 2,
      circuitErrorPercentage: 50,
      // Long enough that the run while open cannot outlast it even on a loaded machine; the test then waits for the
      // breaker to go half-open rather than for a fixed time.
      circuitResetMs: 5_000,
    });
    let calls = 0;
    let healthy = false;
    api.use(
      http.post(`${applicant.base}/records:query`, async (info) => {
        calls += 1;
        if (!healthy) return new HttpResponse(null, { status: 500 });
        return answering()(info);
      }),
    );
    const failing = await assess(applicant.household.id);
    expect(registry.circuit(applicant.connectorId)).toBe('OPEN');
    const [fallback] = fromBank(failing.data_sources, applicant.bank.id);
    expect(fallback?.source).toBe('SNAPSHOT_FALLBACK');
    expect(fallback?.reason).toBe('CIRCUIT_OPEN, SERVER_ERROR for 4 of 4 members');
    expect(calls).toBeLessThan(4);

    const callsBefore = calls;
    const whileOpen = await assess(applicant.household.id);
    expect(calls).toBe(callsBefore);
    expect(fromBank(whileOpen.data_sources, applicant.bank.id)[0]?.reason).toBe('CIRCUIT_OPEN for 4 of 4 members');

    healthy = true;
    for (let waited = 0; registry.circuit(applicant.connectorId) !== 'HALF_OPEN' && waited < 10_000; waited += 50) {
      await delay(50);
    }
    expect(registry.circuit(applicant.connectorId)).toBe('HALF_OPEN');
    const recovered = await assess(applicant.household.id);
    expect(registry.circuit(applicant.connectorId)).toBe('CLOSED');
    expect(recovered.flags).toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(fromBank(recovered.data_sources, applicant.bank.id).map((source) => source.source)).toEqual(['LIVE']);
    const health = await prisma.departmentConnector.findUniqueOrThrow({ where: { id: applicant.connectorId } });
    expect(health.lastSuccessAt).not.toBeNull();
    expect(health.lastFailureReason).toContain('CIRCUIT_OPEN');
  });
});
