import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { configureSimulatedConnectors } from '@hub/server/connectors/configure-simulated-connectors';
import { createDepartmentSimulator } from '@hub/server/simulator/create-department-simulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// End to end: the hub and the real department simulator, each on a database of its own seeded alike, so that the
// departments' systems start as their last bulk deliveries. Then a bank's system moves on (a member's deposit grows)
// while the hub's bulk snapshot stays: an APPLICATION run through GraphQL follows the live value.

process.env.HUB_SECRET_KEY ??= 'test-secret-key-of-at-least-32-characters';
const TOKEN = 'simulator-token';
const hubDatabase = await createTestDatabase();
const departmentDatabase = await createTestDatabase();
type Hub = Awaited<ReturnType<typeof startTestApp>>;
let hub: Hub;
let simulatorUrl: string;
let admin: string;
let officer: string;
let asOf: string;
const simulator = await createDepartmentSimulator({ databaseUrl: departmentDatabase.url, token: TOKEN });
const departmentPool = new pg.Pool({ connectionString: departmentDatabase.url, max: 1 });

const START = `mutation ($input: StartComparisonRunInput!) { startComparisonRun(input: $input) { id } }`;
const RESULT = `query ($runId: ID!) {
  comparisonRun(id: $runId) { status failure }
  assessments(runId: $runId, first: 5) { edges { node { classification flags { code }
    dataSources { department { code } dataset source snapshotId asOf reason } } } }
}`;
const CONFIGURE = `mutation ($input: ConfigureDepartmentConnectorInput!) {
  configureDepartmentConnector(input: $input) {
    id baseUrl datasets batchSize timeoutMs enabled department { code } health { circuit lastSuccessAt lastFailureAt }
  }
}`;

interface DataSource {
  department: { code: string };
  dataset: string;
  source: string;
  snapshotId: string | null;
  reason: string | null;
}
interface Result {
  comparisonRun: { status: string; failure: string | null };
  assessments: { edges: { node: { classification: string; flags: { code: string }[]; dataSources: DataSource[] } }[] };
}

async function applicationRun(householdId: string) {
  const started = await hub.graphql<{ startComparisonRun: { id: string } }>(START, {
    token: officer,
    variables: { input: { kind: 'APPLICATION', asOf, householdIds: [householdId] } },
  });
  expect(started.errors).toBeUndefined();
  const runId = started.data?.startComparisonRun.id as string;
  for (let attempt = 0; attempt < 300; attempt++) {
    const answer = await hub.graphql<Result>(RESULT, { token: officer, variables: { runId } });
    const status = answer.data?.comparisonRun.status;
    expect(status, JSON.stringify(answer.data?.comparisonRun)).not.toBe('FAILED');
    if (status === 'COMPLETED') {
      // Asked again once the run is seen COMPLETED: in one request the two root fields resolve side by side, and the
      // assessments may have been read just before the last chunk committed.
      const completed = await hub.graphql<Result>(RESULT, { token: officer, variables: { runId } });
      return { runId, ...(completed.data?.assessments.edges[0]?.node as Result['assessments']['edges'][0]['node']) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not complete`);
}

// A household whose deposits are within the limit, with a member holding a deposit at a bank.
let applicant: { householdId: string; idNumber: string; bankCode: string };

beforeAll(async () => {
  const manifest = await seedDatabase(hubDatabase.url, { persons: 400, seed: 5 });
  await seedDatabase(departmentDatabase.url, { persons: 400, seed: 5 });
  asOf = manifest.asOf;
  simulatorUrl = await simulator.listen({ port: 0, host: '127.0.0.1' });
  hub = await startTestApp(hubDatabase.url);
  const centre = await hub.prisma.department.findUniqueOrThrow({ where: { code: 'CIVIL_AFFAIRS_640100' } });
  const adminUser = await createUser(hub.prisma, { role: 'ADMIN', departmentId: centre.id });
  const officerUser = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id });
  admin = await hub.logIn(adminUser.user.username, adminUser.password);
  officer = await hub.logIn(officerUser.user.username, officerUser.password);
  const rows = await hub.prisma.$queryRaw<{ household_id: string; id_number: string; code: string }[]>`
    SELECT p.household_id, p.id_number, dep.code
      FROM bank_deposits d JOIN persons p ON p.id = d.person_id JOIN departments dep ON dep.id = d.department_id
      JOIN dataset_snapshots s ON s.id = d.snapshot_id AND s.status = 'CURRENT'
     WHERE d.balance_fen < 1000000 AND NOT EXISTS (SELECT 1 FROM wealth_products w JOIN persons m ON m.id = w.person_id WHERE m.household_id = p.household_id)
       AND NOT EXISTS (SELECT 1 FROM bank_deposits big JOIN persons m ON m.id = big.person_id
                        WHERE m.household_id = p.household_id AND big.balance_fen >= 1000000)
     ORDER BY p.id_number LIMIT 1`;
  const row = rows[0] as { household_id: string; id_number: string; code: string };
  applicant = { householdId: row.household_id, idNumber: row.id_number, bankCode: row.code };
});
afterAll(async () => {
  await simulator.close();
  await departmentPool.end();
});

describe('live connectors to the department simulator', () => {
  it("points the demo departments' connectors at the simulator, as `hub start --simulate-departments` does", async () => {
    const configured = await configureSimulatedConnectors(hub.prisma, { url: simulatorUrl, token: TOKEN });
    const connectors = await hub.prisma.departmentConnector.findMany({ include: { department: true } });
    expect(configured).toBe(connectors.length);
    expect(connectors.map((c) => c.department.code)).toContain(applicant.bankCode);
    for (const connector of connectors) {
      expect(connector.baseUrl).toBe(`${simulatorUrl}/departments/${connector.department.code}`);
      expect(connector.credentialCiphertext).not.toContain(TOKEN);
    }
  });

  it("follows the bank's live answer where it differs from the bulk snapshot, and says it used LIVE data", async () => {
    const before = await applicationRun(applicant.householdId);
    expect(before.flags.map((flag) => flag.code)).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    const bankSource = (sources: DataSource[]) =>
      sources.filter((source) => source.department.code === applicant.bankCode && source.dataset === 'BANK_DEPOSIT');
    expect(bankSource(before.dataSources).map((source) => source.source)).toEqual(['LIVE']);

    // The bank's own system: the member's deposit is now ¥10,000,000, which the hub's bulk snapshot has never seen.
    await departmentPool.query(
      `UPDATE bank_deposits d SET balance_fen = 1000000000 FROM persons p, departments dep
        WHERE p.id = d.person_id AND p.id_number = $1 AND dep.id = d.department_id AND dep.code = $2`,
      [applicant.idNumber, applicant.bankCode],
    );
    const after = await applicationRun(applicant.householdId);
    expect(after.flags.map((flag) => flag.code)).toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(after.classification).toBe('ABOVE_LINE');
    const [live] = bankSource(after.dataSources);
    expect(live).toMatchObject({ source: 'LIVE', reason: null });
    const snapshot = await hub.prisma.datasetSnapshot.findUniqueOrThrow({ where: { id: live?.snapshotId as string } });
    expect(snapshot).toMatchObject({ source: 'LIVE', status: 'ANSWERED' });
    const bulk = await hub.prisma.$queryRaw<{ balance_fen: bigint }[]>`
      SELECT d.balance_fen FROM bank_deposits d JOIN persons p ON p.id = d.person_id
        JOIN dataset_snapshots s ON s.id = d.snapshot_id AND s.status = 'CURRENT'
       WHERE p.id_number = ${applicant.idNumber}`;
    expect(bulk.length).toBeGreaterThan(0);
    for (const row of bulk) expect(row.balance_fen).toBeLessThan(1_000_000n); // the bulk snapshot is untouched

    // The CSV export and the verification report (核对报告) say so too.
    const csv = await fetch(`${hub.url}/comparisons/${after.runId}/assessments.csv?form=data`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    const [header, line] = (await csv.text()).replace(/^\uFEFF/, '').split('\n');
    expect(header?.split(',').at(-1)).toBe('live_data_sources');
    expect(line).toContain(`BANK_DEPOSIT@${applicant.bankCode} LIVE`);
    const report = await fetch(`${hub.url}/comparisons/${after.runId}/households/${applicant.householdId}/report`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    const html = await report.text();
    expect(html).toContain('数据来源 <small class="en">Data sources</small>');
    expect(html).toContain('实时查询<br><small class="en">live answer</small>');
  });

  it('lets an administrator see the connectors and their health, never their credential', async () => {
    const answer = await hub.graphql<{
      departmentConnectors: {
        department: { code: string };
        health: { circuit: string; lastSuccessAt: string | null };
      }[];
    }>('{ departmentConnectors { department { code } health { circuit lastSuccessAt } } }', { token: admin });
    expect(answer.errors).toBeUndefined();
    const bank = answer.data?.departmentConnectors.find((c) => c.department.code === applicant.bankCode);
    expect(bank?.health).toMatchObject({ circuit: 'CLOSED', lastSuccessAt: expect.any(String) });
    const type = await hub.graphql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "DepartmentConnector") { fields { name } } }',
      { token: admin },
    );
    expect(
      type.data?.__type.fields.map((field) => field.name).filter((name) => /credential|token|secret/i.test(name)),
    ).toEqual([]);
  });

  it('keeps connectors from everyone but administrators', async () => {
    const listed = await hub.graphql('{ departmentConnectors { id } }', { token: officer });
    expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bank = await hub.prisma.department.findUniqueOrThrow({ where: { code: applicant.bankCode } });
    const changed = await hub.graphql(CONFIGURE, {
      token: officer,
      variables: { input: { departmentId: bank.id, datasets: ['BANK_DEPOSIT'], baseUrl: 'https://evil.example.test' } },
    });
    expect(changed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const connector = await hub.prisma.departmentConnector.findUniqueOrThrow({ where: { departmentId: bank.id } });
    expect(connector.baseUrl).toBe(`${simulatorUrl}/departments/${applicant.bankCode}`);
  });

  it('refuses a bad URL, an out-of-range setting, a dataset the department does not provide, and a new connector without a credential, changing nothing', async () => {
    const bank = await hub.prisma.department.findUniqueOrThrow({ where: { code: applicant.bankCode } });
    const police = await hub.prisma.department.findFirstOrThrow({ where: { kind: 'PUBLIC_SECURITY' } });
    await hub.prisma.departmentConnector.deleteMany({ where: { departmentId: police.id } });
    const before = await hub.prisma.departmentConnector.findMany({ orderBy: { id: 'asc' } });
    const refusal = async (input: Record<string, unknown>) => {
      const answer = await hub.graphql(CONFIGURE, {
        token: admin,
        variables: {
          input: { departmentId: bank.id, datasets: ['BANK_DEPOSIT'], baseUrl: 'https://bank.example.test', ...input },
        },
      });
      expect(answer.data?.configureDepartmentConnector ?? null).toBeNull();
      return { reason: answer.errors?.[0]?.extensions?.reason, message: answer.errors?.[0]?.message };
    };
    expect(await refusal({ baseUrl: 'file:///etc/passwd' })).toEqual({
      reason: 'INVALID_CONNECTOR_URL',
      message: 'baseUrl: only http and https are allowed, not file:',
    });
    expect((await refusal({ baseUrl: 'not a url' })).reason).toBe('INVALID_CONNECTOR_URL');
    expect((await refusal({ baseUrl: 'https://user:pw@bank.example.test' })).reason).toBe('INVALID_CONNECTOR_URL');
    expect(await refusal({ batchSize: 0 })).toEqual({
      reason: 'INVALID_CONNECTOR_SETTING',
      message: 'batchSize: a whole number from 1 to 1,000, not 0',
    });
    expect((await refusal({ timeoutMs: 10 })).reason).toBe('INVALID_CONNECTOR_SETTING');
    expect((await refusal({ datasets: ['HUKOU'] })).reason).toBe('NOT_DATASET_PROVIDER');
    expect((await refusal({ datasets: [] })).reason).toBe('NOT_LIVE_DATASET');
    expect((await refusal({ departmentId: police.id, datasets: ['HUKOU'] })).reason).toBe('CREDENTIAL_REQUIRED');
    expect(await hub.prisma.departmentConnector.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('reads the bulk snapshot once a connector is disabled, and says SNAPSHOT', async () => {
    const bank = await hub.prisma.department.findUniqueOrThrow({
      where: { code: applicant.bankCode },
      include: { connector: true },
    });
    const disabled = await hub.graphql<{ disableDepartmentConnector: { enabled: boolean } }>(
      'mutation ($id: ID!) { disableDepartmentConnector(id: $id) { enabled } }',
      { token: admin, variables: { id: bank.connector?.id } },
    );
    expect(disabled.data?.disableDepartmentConnector.enabled).toBe(false);
    const result = await applicationRun(applicant.householdId);
    expect(result.flags.map((flag) => flag.code)).not.toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    const sources = result.dataSources.filter(
      (source) => source.department.code === applicant.bankCode && source.dataset === 'BANK_DEPOSIT',
    );
    expect(sources.map((source) => source.source)).toEqual(['SNAPSHOT']);
  });
});
