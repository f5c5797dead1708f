import { beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment, createSnapshot } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const FRESHNESS = `query ($departmentId: ID, $dataset: Dataset) {
  datasetFreshness(departmentId: $departmentId, dataset: $dataset) {
    dataset ageDays stale refreshIntervalDays rowCount currentSnapshot { id status }
  }
}`;

interface Freshness {
  dataset: string;
  ageDays: number | null;
  stale: boolean;
  refreshIntervalDays: number;
  currentSnapshot: { id: string } | null;
}

let regionCode: string;
let officer: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id });
  officer = await hub.logIn(user.username, password);
});

async function freshnessOf(departmentId: string, dataset: string, token = officer) {
  const answer = await hub.graphql<{ datasetFreshness: Freshness[] }>(FRESHNESS, {
    token,
    variables: { departmentId, dataset },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data?.datasetFreshness[0];
}

describe('dataset freshness', () => {
  it('is fresh at exactly the quarterly interval and stale a day later', async () => {
    const atBoundary = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    await createSnapshot(hub.prisma, {
      departmentId: atBoundary.id,
      dataset: 'BANK_DEPOSIT',
      asOf: daysFromToday(-92),
    });
    expect(await freshnessOf(atBoundary.id, 'BANK_DEPOSIT')).toMatchObject({
      ageDays: 92,
      refreshIntervalDays: 92,
      stale: false,
    });
    const overdue = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    await createSnapshot(hub.prisma, { departmentId: overdue.id, dataset: 'BANK_DEPOSIT', asOf: daysFromToday(-93) });
    expect(await freshnessOf(overdue.id, 'BANK_DEPOSIT')).toMatchObject({ ageDays: 93, stale: true });
  });

  it('follows an agreed interval of the dataset, and calls a dataset never delivered stale', async () => {
    const police = await createDepartment(hub.prisma, { kind: 'PUBLIC_SECURITY', regionCode });
    await hub.prisma.datasetRefreshInterval.create({ data: { dataset: 'HUKOU', days: 31 } });
    await createSnapshot(hub.prisma, { departmentId: police.id, dataset: 'HUKOU', asOf: daysFromToday(-32) });
    expect(await freshnessOf(police.id, 'HUKOU')).toMatchObject({ refreshIntervalDays: 31, ageDays: 32, stale: true });
    expect(await freshnessOf(police.id, 'VEHICLE')).toMatchObject({
      currentSnapshot: null,
      ageDays: null,
      stale: true,
    });
  });

  it("shows a partner client its own department's datasets only", async () => {
    const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    const other = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    const token = await createPartnerToken(hub.prisma, bank.id);
    const own = await hub.graphql<{ datasetFreshness: Freshness[] }>(FRESHNESS, { token });
    expect(own.data?.datasetFreshness.map((row) => row.dataset)).toEqual(['BANK_DEPOSIT', 'WEALTH_PRODUCT']);
    const foreign = await hub.graphql(FRESHNESS, { token, variables: { departmentId: other.id } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('datasets and snapshots through GraphQL', () => {
  it('lists each dataset with its provider kind and columns', async () => {
    const answer = await hub.graphql<{
      datasets: {
        dataset: string;
        providerKind: string;
        columns: { name: string; type: string; required: boolean }[];
      }[];
    }>('{ datasets { dataset providerKind acceptsBulkDelivery columns { name type required allowedValues } } }', {
      token: officer,
    });
    const deposits = answer.data?.datasets.find((dataset) => dataset.dataset === 'BANK_DEPOSIT');
    expect(deposits?.providerKind).toBe('BANK');
    expect(deposits?.columns.map((column) => [column.name, column.type, column.required])).toEqual([
      ['id_number', 'ID_NUMBER', true],
      ['account_number', 'TEXT', true],
      ['deposit_type', 'ENUM', true],
      ['balance_fen', 'AMOUNT_FEN', true],
      ['opened_on', 'DATE', true],
    ]);
  });

  it("pages through a department's snapshots, newest first", async () => {
    const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    const older = await createSnapshot(hub.prisma, {
      departmentId: bank.id,
      dataset: 'BANK_DEPOSIT',
      status: 'SUPERSEDED',
    });
    const newer = await createSnapshot(hub.prisma, { departmentId: bank.id, dataset: 'BANK_DEPOSIT' });
    const page = async (after?: string) =>
      hub.graphql<{
        datasetSnapshots: { edges: { node: { id: string; status: string } }[]; pageInfo: { endCursor: string } };
      }>(
        `query ($departmentId: ID!, $after: String) {
          datasetSnapshots(departmentId: $departmentId, dataset: BANK_DEPOSIT, first: 1, after: $after) {
            edges { node { id status rowCount rejectCount } } pageInfo { endCursor }
          }
        }`,
        { token: officer, variables: { departmentId: bank.id, after } },
      );
    const first = await page();
    expect(first.data?.datasetSnapshots.edges.map((edge) => edge.node)).toMatchObject([
      { id: newer.id, status: 'CURRENT' },
    ]);
    const second = await page(first.data?.datasetSnapshots.pageInfo.endCursor);
    expect(second.data?.datasetSnapshots.edges.map((edge) => edge.node.id)).toEqual([older.id]);
  });
});
