import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegionImportSummary } from '@hub/server/regions/import-region-table';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

// Regions come from an administrative-division table: 上饶市 (361100) is loaded by the CLI, standards can then be set
// for it, a newer table changes what changed, retires what it no longer lists and never orphans a household, and a
// table with a bad row changes nothing.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const FIXTURE = join(import.meta.dirname, '../fixtures/regions/shangrao-361100.csv');
const tokens = { admin: '', officer: '' };

const SET_STANDARD = `mutation ($input: SetAssistanceStandardInput!) {
  setAssistanceStandard(input: $input) { region { code name } year areaType minimumLivingMonthlyFen }
}`;
const BROWSE = `query ($parentCode: String, $includeRetired: Boolean) {
  regions(parentCode: $parentCode, includeRetired: $includeRetired) { code name level urbanRuralCode retiredAt }
}`;

interface ImportAnswer {
  summary?: RegionImportSummary;
  error?: { code: string; message: string };
  problems?: { line: number; code: string; reason: string; message: string }[];
}

async function upload(table: string, token = tokens.admin, query = '') {
  const response = await fetch(`${hub.url}/regions/imports${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: table,
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
}

beforeAll(async () => {
  const home = await createRegion(hub.prisma);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: home.code });
  for (const role of ['ADMIN', 'VERIFICATION_OFFICER'] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    tokens[role === 'ADMIN' ? 'admin' : 'officer'] = await hub.logIn(user.username, password);
  }
});

const shangraoStandard = {
  regionCode: '361100',
  year: 2026,
  areaType: 'RURAL',
  minimumLivingMonthlyFen: 70_000,
};

describe('the 上饶市 region table', () => {
  it('is unknown before the import: setAssistanceStandard answers UNKNOWN_REGION', async () => {
    const answer = await hub.graphql(SET_STANDARD, { token: tokens.admin, variables: { input: shangraoStandard } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION' });
  });

  it('is imported by `hub regions import`, its 12-digit county codes kept as GB/T 2260 codes', async () => {
    const { code, output } = await runHubCommand(['regions', 'import', FIXTURE], db.url);
    expect(output).toContain('66 rows: 66 added, 0 renamed');
    expect(code).toBe(0);
    const city = await hub.prisma.region.findUniqueOrThrow({ where: { code: '361100' }, include: { children: true } });
    expect(city).toMatchObject({ name: '上饶市', level: 'CITY', parentCode: '360000', retiredAt: null });
    expect(city.children.map((county) => `${county.code} ${county.name}`).sort()).toEqual([
      '361102 信州区',
      '361103 广丰区',
      '361104 广信区',
      '361123 玉山县',
      '361124 铅山县',
      '361125 横峰县',
      '361126 弋阳县',
      '361127 余干县',
      '361128 鄱阳县',
      '361129 万年县',
      '361130 婺源县',
      '361181 德兴市',
    ]);
    expect(await hub.prisma.region.findUnique({ where: { code: '361102001001' } })).toMatchObject({
      level: 'VILLAGE',
      parentCode: '361102001000',
      urbanRuralCode: '111',
    });
  });

  it('takes assistance standards for 361100 once imported', async () => {
    const answer = await hub.graphql(SET_STANDARD, { token: tokens.admin, variables: { input: shangraoStandard } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.setAssistanceStandard).toMatchObject({ region: { code: '361100', name: '上饶市' } });
  });

  it('is browsed through GraphQL, level by level', async () => {
    const answer = await hub.graphql<{ regions: { code: string; name: string; level: string }[] }>(BROWSE, {
      token: tokens.officer,
      variables: { parentCode: '361130' },
    });
    expect(answer.data?.regions).toEqual([
      { code: '361130100000', name: '紫阳镇', level: 'TOWNSHIP', urbanRuralCode: null, retiredAt: null },
      { code: '361130101000', name: '江湾镇', level: 'TOWNSHIP', urbanRuralCode: null, retiredAt: null },
    ]);
  });

  it('is searched by part of a name or a code prefix, for a region picker, and looked up by codes', async () => {
    const SEARCH = `query ($search: String, $first: Int, $codes: [String!]) {
      regions(search: $search, first: $first, codes: $codes) { code name }
    }`;
    const search = async (variables: Record<string, unknown>) =>
      (await hub.graphql<{ regions: { code: string; name: string }[] }>(SEARCH, { token: tokens.officer, variables }))
        .data?.regions;
    expect(await search({ search: '沙溪' })).toEqual([
      { code: '361102100000', name: '沙溪镇' },
      { code: '361102100200', name: '沙溪村' },
    ]);
    expect((await search({ search: '361102' }))?.map((region) => region.code)).toContain('361102001000');
    expect(await search({ search: '3611', first: 2 })).toHaveLength(2);
    expect(await search({ search: '兴庆' })).toEqual([]);
    expect(await search({ codes: ['361130', '361102100200'] })).toEqual([
      { code: '361102100200', name: '沙溪村' },
      { code: '361130', name: '婺源县' },
    ]);
  });
});

describe('re-importing a newer table', () => {
  let household: { id: string };
  let newer: string;

  beforeAll(async () => {
    // A household in 汪口村, which the newer table merges away.
    household = await hub.prisma.household.create({
      data: { regionCode: '361130101201', areaType: 'RURAL', address: '婺源县江湾镇汪口村1号' },
    });
    const table = await readFile(FIXTURE, 'utf8');
    newer = `${table
      .replace('361102100000,沙溪镇,', '361102100000,沙溪镇（新）,')
      .split('\n')
      .filter((line) => !line.startsWith('361130101201,') && !line.startsWith('361181100200,'))
      .join('\n')}361129101201,石镇新村,5,361129101000,220\n`;
  });

  it('answers a dry run with what would change, changing nothing', async () => {
    const answer = await upload(newer, tokens.admin, '?dryRun=true');
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toMatchObject({ added: ['361129101201'], dryRun: true });
    expect(await hub.prisma.region.findUnique({ where: { code: '361129101201' } })).toBeNull();
  });

  it('renames, adds and retires what changed, keeping a retired region its households still name', async () => {
    const answer = await upload(newer);
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toMatchObject({
      rows: 65,
      added: ['361129101201'],
      renamed: [{ code: '361102100000', from: '沙溪镇', to: '沙溪镇（新）' }],
      changed: [],
      retired: ['361130101201', '361181100200'],
      retiredInUse: [{ code: '361130101201', name: '汪口村', households: 1 }],
      unchanged: 63,
    });
    const wangkou = await hub.prisma.region.findUniqueOrThrow({ where: { code: '361130101201' } });
    expect(wangkou.retiredAt).toBeInstanceOf(Date);
    expect(await hub.prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
      regionCode: '361130101201',
    });
    // Other provinces' regions are outside the table: untouched.
    expect(await hub.prisma.region.count({ where: { retiredAt: { not: null } } })).toBe(2);
  });

  it('hides retired regions from browsing unless asked', async () => {
    const browse = (includeRetired: boolean) =>
      hub.graphql<{ regions: { code: string }[] }>(BROWSE, {
        token: tokens.officer,
        variables: { parentCode: '361130101000', includeRetired },
      });
    expect((await browse(false)).data?.regions.map((region) => region.code)).toEqual(['361130101200']);
    expect((await browse(true)).data?.regions.map((region) => region.code)).toEqual(['361130101200', '361130101201']);
  });

  it('restores a retired region the next table lists again', async () => {
    const answer = await upload(await readFile(FIXTURE, 'utf8'));
    expect(answer.body.summary).toMatchObject({
      restored: ['361130101201', '361181100200'],
      renamed: [{ code: '361102100000', from: '沙溪镇（新）', to: '沙溪镇' }],
      retired: ['361129101201'],
    });
    expect(await hub.prisma.region.findUniqueOrThrow({ where: { code: '361130101201' } })).toMatchObject({
      retiredAt: null,
    });
  });
});

describe('a table with bad rows', () => {
  it('is refused whole, naming each row at fault, and changes nothing', async () => {
    const before = await hub.prisma.region.count();
    const table = [
      'code,name,level,parent_code,urban_rural_code',
      '361102001003,新社区,5,361102001000,111',
      '361102001004,孤村,5,361102999000,220',
      '36110200100,短码村,5,361102001000,220',
      '361102001005,重复村,5,361102001000,220',
      '361102001005,重复村,5,361102001000,220',
      '361102001006,坏分类村,5,361102001000,999',
      '361199000000,错位县,3,361102000000,',
    ].join('\n');
    const answer = await upload(table);
    expect(answer.status).toBe(422);
    expect(answer.body.error?.code).toBe('INVALID_ROWS');
    expect(answer.body.problems?.map(({ line, reason }) => [line, reason])).toEqual([
      [3, 'UNKNOWN_PARENT'],
      [4, 'BAD_CODE'],
      [6, 'DUPLICATE_CODE'],
      [7, 'BAD_URBAN_RURAL_CODE'],
      [8, 'PARENT_MISMATCH'],
    ]);
    expect(await hub.prisma.region.count()).toBe(before);
    expect(await hub.prisma.region.findUnique({ where: { code: '361102001003' } })).toBeNull();
  });

  it('is refused with the columns it lacks', async () => {
    const answer = await upload('code,name\n361100,上饶市\n');
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'MISSING_COLUMNS' });
  });
});

describe('who may import', () => {
  it('refuses anyone but an administrator, and audits the refusal', async () => {
    const answer = await upload('code,name,level,parent_code\n', tokens.officer);
    expect(answer.status).toBe(403);
    const entry = await hub.prisma.auditEntry.findFirst({
      where: { operation: 'POST /regions/imports → 403' },
      orderBy: { sequence: 'desc' },
    });
    expect(entry).toMatchObject({ actorKind: 'USER', decision: 'DENIED' });
  });

  it('audits an administrator’s import', async () => {
    expect(
      await hub.prisma.auditEntry.count({ where: { operation: 'POST /regions/imports → 200', actorKind: 'USER' } }),
    ).toBeGreaterThan(0);
  });
});
