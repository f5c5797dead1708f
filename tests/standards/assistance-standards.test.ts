import { beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const FIELDS = `id region { code } year areaType minimumLivingMonthlyFen lowIncomeMultiplier extremePovertyMultiplier
  financialAssetMonths maxHomes exemptVehicleMaxValueFen employmentCostDeductionFen gracePeriodMonths`;
const SET = `mutation SaveStandard($input: SetAssistanceStandardInput!) { setAssistanceStandard(input: $input) { ${FIELDS} } }`;
const LIST = `query ($regionCode: String, $year: Int) {
  assistanceStandards(regionCode: $regionCode, year: $year) { region { code } year areaType minimumLivingMonthlyFen }
}`;

const tokens = { admin: '', officer: '', auditor: '', partner: '' };
let adminId: string;

beforeAll(async () => {
  const home = await createRegion(hub.prisma);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: home.code });
  for (const [who, role] of [
    ['admin', 'ADMIN'],
    ['officer', 'VERIFICATION_OFFICER'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    if (who === 'admin') adminId = user.id;
    tokens[who] = await hub.logIn(user.username, password);
  }
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: home.code });
  tokens.partner = await createPartnerToken(hub.prisma, housing.id);
});

const setAs = (token: string, input: Record<string, unknown>) =>
  hub.graphql<{ setAssistanceStandard: Record<string, unknown> }>(SET, { token, variables: { input } });

describe('setAssistanceStandard', () => {
  it('creates a standard with the defaults for what it omits', async () => {
    const { code } = await createRegion(hub.prisma);
    const answer = await setAs(tokens.admin, {
      regionCode: code,
      year: 2026,
      areaType: 'RURAL',
      minimumLivingMonthlyFen: 65_000,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.setAssistanceStandard).toMatchObject({
      region: { code },
      year: 2026,
      areaType: 'RURAL',
      minimumLivingMonthlyFen: 65_000,
      lowIncomeMultiplier: '1.5',
      extremePovertyMultiplier: '1.3',
      financialAssetMonths: 24,
      maxHomes: 1,
      exemptVehicleMaxValueFen: null,
      employmentCostDeductionFen: 0,
      gracePeriodMonths: 18,
    });
  });

  it('replaces the standard of the same region, year and area type, keeping what it omits', async () => {
    const { code } = await createRegion(hub.prisma);
    const key = { regionCode: code, year: 2026, areaType: 'URBAN' };
    const first = await setAs(tokens.admin, {
      ...key,
      minimumLivingMonthlyFen: 83_000,
      lowIncomeMultiplier: '1.6',
      exemptVehicleMaxValueFen: '3000000',
    });
    const second = await setAs(tokens.admin, { ...key, minimumLivingMonthlyFen: 86_000, maxHomes: 2 });
    expect(second.errors).toBeUndefined();
    expect(second.data?.setAssistanceStandard).toMatchObject({
      id: first.data?.setAssistanceStandard.id,
      minimumLivingMonthlyFen: 86_000,
      lowIncomeMultiplier: '1.6',
      maxHomes: 2,
      exemptVehicleMaxValueFen: '3000000',
    });
    expect(await hub.prisma.assistanceStandard.count({ where: { regionCode: code } })).toBe(1);
  });

  it('clears the vehicle exemption when told null', async () => {
    const { code } = await createRegion(hub.prisma);
    const key = { regionCode: code, year: 2025, areaType: 'URBAN', minimumLivingMonthlyFen: 80_000 };
    await setAs(tokens.admin, { ...key, exemptVehicleMaxValueFen: '3000000' });
    const answer = await setAs(tokens.admin, { ...key, exemptVehicleMaxValueFen: null });
    expect(answer.data?.setAssistanceStandard.exemptVehicleMaxValueFen).toBeNull();
  });

  it.each([
    ['a year before 2000', { year: 1999 }, 'year'],
    ['a year after 2100', { year: 2101 }, 'year'],
    ['a zero standard', { minimumLivingMonthlyFen: 0 }, 'minimumLivingMonthlyFen'],
    ['a negative standard', { minimumLivingMonthlyFen: -100 }, 'minimumLivingMonthlyFen'],
    ['a low-income multiplier of 1', { lowIncomeMultiplier: '1' }, 'lowIncomeMultiplier'],
    ['a multiplier typed as a percentage', { lowIncomeMultiplier: '150' }, 'lowIncomeMultiplier'],
    ['a multiplier with three decimals', { extremePovertyMultiplier: '1.255' }, 'extremePovertyMultiplier'],
    ['an extreme-poverty multiplier below 1', { extremePovertyMultiplier: '0.9' }, 'extremePovertyMultiplier'],
    ['zero months of assets', { financialAssetMonths: 0 }, 'financialAssetMonths'],
    ['a negative number of homes', { maxHomes: -1 }, 'maxHomes'],
    ['a zero vehicle exemption', { exemptVehicleMaxValueFen: '0' }, 'exemptVehicleMaxValueFen'],
    ['a negative employment deduction', { employmentCostDeductionFen: -1 }, 'employmentCostDeductionFen'],
    ['a grace period beyond 18 months', { gracePeriodMonths: 19 }, 'gracePeriodMonths'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, change, field) => {
    const { code } = await createRegion(hub.prisma);
    const answer = await setAs(tokens.admin, {
      regionCode: code,
      year: 2026,
      areaType: 'URBAN',
      minimumLivingMonthlyFen: 83_000,
      ...change,
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE', field });
    expect(answer.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
    expect(await hub.prisma.assistanceStandard.count({ where: { regionCode: code } })).toBe(0);
  });

  it('refuses a region the hub does not know with BAD_USER_INPUT/UNKNOWN_REGION', async () => {
    const answer = await setAs(tokens.admin, {
      regionCode: '999999999996',
      year: 2026,
      areaType: 'URBAN',
      minimumLivingMonthlyFen: 83_000,
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_REGION',
      field: 'regionCode',
    });
  });

  it.each(['officer', 'auditor', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const { code } = await createRegion(hub.prisma);
    const answer = await setAs(tokens[who], {
      regionCode: code,
      year: 2026,
      areaType: 'URBAN',
      minimumLivingMonthlyFen: 83_000,
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.prisma.assistanceStandard.count({ where: { regionCode: code } })).toBe(0);
  });

  it("leaves an audit entry naming the administrator and the request's operation", async () => {
    const { code } = await createRegion(hub.prisma);
    const answer = await setAs(tokens.admin, {
      regionCode: code,
      year: 2026,
      areaType: 'URBAN',
      minimumLivingMonthlyFen: 83_000,
    });
    const requestId = answer.headers.get('x-request-id') ?? '';
    const entries = await hub.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { sequence: 'asc' } });
    // The change's STANDARD_CHANGED event, written in its transaction, then the request's own entry.
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      userId: adminId,
      operation: 'setAssistanceStandard',
      event: 'STANDARD_CHANGED',
    });
    expect(entries[1]).toMatchObject({ userId: adminId, operation: 'SaveStandard', decision: 'ALLOWED', event: null });
  });
});

describe('assistanceStandards and assistanceStandard', () => {
  let north: string;
  let south: string;

  beforeAll(async () => {
    [north, south] = [(await createRegion(hub.prisma)).code, (await createRegion(hub.prisma)).code].sort();
    for (const regionCode of [south, north] as string[]) {
      for (const year of [2025, 2026]) {
        for (const areaType of ['RURAL', 'URBAN']) {
          await setAs(tokens.admin, { regionCode, year, areaType, minimumLivingMonthlyFen: year * 10 });
        }
      }
    }
  });

  it('lists one region by year, latest first, urban before rural', async () => {
    const answer = await hub.graphql(LIST, { token: tokens.officer, variables: { regionCode: north } });
    expect(answer.data).toEqual({
      assistanceStandards: [
        { region: { code: north }, year: 2026, areaType: 'URBAN', minimumLivingMonthlyFen: 20_260 },
        { region: { code: north }, year: 2026, areaType: 'RURAL', minimumLivingMonthlyFen: 20_260 },
        { region: { code: north }, year: 2025, areaType: 'URBAN', minimumLivingMonthlyFen: 20_250 },
        { region: { code: north }, year: 2025, areaType: 'RURAL', minimumLivingMonthlyFen: 20_250 },
      ],
    });
  });

  it('orders every region by code when narrowed to a year', async () => {
    const answer = await hub.graphql<{ assistanceStandards: { region: { code: string } }[] }>(LIST, {
      token: tokens.admin,
      variables: { year: 2025 },
    });
    const codes = (answer.data?.assistanceStandards ?? []).map((standard) => standard.region.code);
    expect(codes.filter((code) => code === north || code === south)).toEqual([north, north, south, south]);
    expect(codes).toEqual([...codes].sort());
  });

  it('reads one standard by id, and null for an id that is no UUID', async () => {
    const standard = await hub.prisma.assistanceStandard.findFirstOrThrow({ where: { regionCode: south } });
    const query = 'query ($id: ID!) { assistanceStandard(id: $id) { id year } }';
    const found = await hub.graphql(query, { token: tokens.officer, variables: { id: standard.id } });
    expect(found.data).toEqual({ assistanceStandard: { id: standard.id, year: standard.year } });
    const missing = await hub.graphql(query, { token: tokens.officer, variables: { id: 'nope' } });
    expect(missing.data).toEqual({ assistanceStandard: null });
  });

  it.each(['auditor', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const answer = await hub.graphql(LIST, { token: tokens[who], variables: { regionCode: north } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
