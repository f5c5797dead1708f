import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DepartmentKind } from '@hub/prisma';
import { datasetItemCodes } from '@hub/schema/delivery-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../factories/agreements.ts';
import { uploadSnapshot } from '../factories/deliveries.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

// The proof that the hub does its job with data it did not make. A hub on an empty database (no demo, no
// generator) is given everything through its public interfaces: the 上饶 region table and the 上饶县 policy by the
// command line, the civil-affairs register by HTTP upload and the command line, every dataset of eight departments
// by HTTP upload, and two verification requests with their authorisations as an NDJSON batch. Then the four kinds
// of comparison run through GraphQL, and each household's result is checked against what the policy texts give.
// The organisation goes in the same way: `./hub bootstrap` makes the centre and its first administrator, who creates
// the departments, a second administrator, the officer and the API clients through GraphQL; agreements are drafted,
// submitted and approved (by the other administrator) through GraphQL, and clients get their tokens at /oauth/token.
// No record of any kind comes from the test's factories; the database is only read, to check what arrived.
//
// The policy (shared/policy-texts, shangrao-county-2017-rural-dibao-and-poverty.txt, 一): the rural 低保 standard
// of 上饶县 for 2020 is 5640 yuan a year, ¥470.00 = 47,000 fen a month. The documents' defaults apply otherwise:
// 低收入 below 1.5 × the standard (70,500 fen a head), financial assets at most 24 months of it a head (1,128,000
// fen), no vehicle but motorcycles and disability vehicles, at most one home, no business with income, deaths
// (cremation, hukou cancelled for death) reported, staff relatives filed (近亲属备案). Every run is as of 2020-06-30.

const FIXTURES = join(import.meta.dirname, '../fixtures');
const AS_OF = '2020-06-30';
const fixture = (name: string) => readFileSync(join(FIXTURES, 'acceptance', name), 'utf8');
const mask = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;

const database = await createTestDatabase();
const hub = await startTestApp(database.url);

let officer: string;
let civilAffairsToken: string;
const householdIds = new Map<string, string>();
let requestIds: string[] = [];

async function cli(...args: string[]) {
  const { code, output } = await runHubCommand(args, database.url, { HUB_ADMIN_PASSWORD: PASSWORDS.chief });
  expect(output, output).not.toMatch(/error/i);
  expect(code).toBe(0);
  return output;
}

// Passwords the password policy accepts, none of them in the repository.
const PASSWORDS = { chief: randomBytes(18).toString('base64url'), deputy: randomBytes(18).toString('base64url') };
const tokens = { chief: '', deputy: '' };
const isoDaysFromToday = (days: number) => daysFromToday(days).toISOString().slice(0, 10);

/** A GraphQL mutation or query that must succeed, as the token given. */
async function call<Data>(token: string, query: string, variables: Record<string, unknown>): Promise<Data> {
  const answer = await hub.graphql<Data>(query, { token, variables });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as Data;
}

async function createDepartment(kind: DepartmentKind, code: string, name: string, regionCode = '361121') {
  const created = await call<{ createDepartment: { id: string } }>(
    tokens.chief,
    'mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
    { input: { kind, code, name, regionCode } },
  );
  return created.createDepartment.id;
}

/** An API client of the department, and the token it gets from the client-credentials exchange. */
async function apiToken(departmentId: string): Promise<string> {
  const created = await call<{ createApiClient: { apiClient: { clientId: string }; clientSecret: string } }>(
    tokens.chief,
    'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { clientId } clientSecret } }',
    { input: { departmentId, name: '业务系统' } },
  );
  const response = await fetch(`${hub.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: created.createApiClient.apiClient.clientId,
      client_secret: created.createApiClient.clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.access_token as string;
}

/** An agreement drafted and submitted by one administrator and approved by the other: ACTIVE from then on. */
async function agreeOn(providerDepartmentId: string, consumerDepartmentId: string, datasets: string[]) {
  const items = datasets.flatMap((dataset) => datasetItemCodes(dataset as never));
  const code = `SR-${providerDepartmentId.slice(0, 8)}-${consumerDepartmentId.slice(0, 8)}`;
  const drafted = await call<{ createSharingAgreement: { id: string } }>(
    tokens.chief,
    'mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id } }',
    {
      input: {
        code,
        title: `${datasets.join('、')} 共享协议`,
        providerDepartmentId,
        consumerDepartmentId,
        purposes: ['MINIMUM_LIVING_GUARANTEE'],
        validFrom: isoDaysFromToday(-1),
        validUntil: isoDaysFromToday(365),
        items: items.map((dataItemCode) => ({ dataItemCode, accessLevel: 'FULL' })),
      },
    },
  );
  const id = drafted.createSharingAgreement.id;
  await call(tokens.chief, 'mutation ($id: ID!) { submitSharingAgreement(id: $id) { id } }', { id });
  const approved = await call<{ approveSharingAgreement: { status: string } }>(
    tokens.deputy,
    'mutation ($id: ID!) { approveSharingAgreement(id: $id) { status } }',
    { id },
  );
  expect(approved.approveSharingAgreement.status).toBe('ACTIVE');
}

async function createUser(role: string, username: string, departmentId: string, password: string) {
  await call(tokens.chief, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { role, username, displayName: username, departmentId, password },
  });
  return hub.logIn(username, password);
}

async function deliver(token: string, dataset: string, file: string) {
  const answer = await uploadSnapshot(hub.url, {
    token,
    dataset,
    asOf: AS_OF,
    rejectThreshold: '0',
    body: fixture(file),
  });
  expect(answer.body.error, `${dataset}: ${JSON.stringify(answer.body)}`).toBeUndefined();
  expect(answer.body.snapshot).toMatchObject({ status: 'CURRENT', rejectCount: 0 });
  return answer.body.snapshot;
}

/** A department of the kind, with its API client's token and an agreement naming it provider of its datasets. */
async function provider(kind: DepartmentKind, name: string, datasets: string[], consumerId: string) {
  const departmentId = await createDepartment(kind, `${kind}_361121`, name);
  await agreeOn(departmentId, consumerId, datasets);
  return apiToken(departmentId);
}

async function completedRun(input: Record<string, unknown>): Promise<string> {
  const started = await hub.graphql<{ startComparisonRun: { id: string } }>(
    'mutation ($input: StartComparisonRunInput!) { startComparisonRun(input: $input) { id } }',
    { token: officer, variables: { input } },
  );
  expect(started.errors).toBeUndefined();
  const id = started.data?.startComparisonRun.id as string;
  for (;;) {
    const answer = await hub.graphql<{ comparisonRun: { status: string; failure: string | null } }>(
      'query ($id: ID!) { comparisonRun(id: $id) { status failure } }',
      { token: officer, variables: { id } },
    );
    const status = answer.data?.comparisonRun.status;
    if (status === 'COMPLETED') return id;
    expect(status, answer.data?.comparisonRun.failure ?? '').toMatch(/PENDING|RUNNING/);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Each household's classification and flags, by register number. */
async function resultsOf(runId: string) {
  const answer = await hub.graphql<{
    assessments: { edges: { node: { householdId: string; classification: string; flags: { code: string }[] } }[] };
  }>(
    'query ($runId: ID!) { assessments(runId: $runId, first: 100) { edges { node { householdId classification flags { code } } } } }',
    { token: officer, variables: { runId } },
  );
  expect(answer.errors).toBeUndefined();
  const byId = new Map([...householdIds].map(([number, id]) => [id, number]));
  return Object.fromEntries(
    (answer.data?.assessments.edges ?? []).map(({ node }) => [
      byId.get(node.householdId),
      { classification: node.classification, flags: node.flags.map((flag) => flag.code).sort() },
    ]),
  );
}

beforeAll(async () => {
  expect(await hub.prisma.person.count()).toBe(0);
  expect(await hub.prisma.region.count()).toBe(0);

  // Regions and standards, from the command line.
  await cli('regions', 'import', join(FIXTURES, 'regions/shangrao-361100.csv'));
  await cli('policy', 'load', 'shangrao-2017');

  // The organisation: the city's civil-affairs bureau (the verification centre, which delivers its register,
  // cremations, marriages, staff roster and filings), bootstrapped with its first administrator, and seven partner
  // departments.
  await cli(
    'bootstrap',
    '--data-dir',
    mkdtempSync(join(tmpdir(), 'hub-acceptance-')),
    '--department-code',
    'CIVIL_AFFAIRS_361100',
    '--department-name',
    '上饶市民政局',
    '--region',
    '361100',
    '--username',
    'chief',
  );
  tokens.chief = await hub.logIn('chief', PASSWORDS.chief);
  const { me } = await call<{ me: { department: { id: string; code: string } } }>(
    tokens.chief,
    '{ me { department { id code } } }',
    {},
  );
  const centre = me.department;
  tokens.deputy = await createUser('ADMIN', 'deputy', centre.id, PASSWORDS.deputy);
  officer = await createUser('VERIFICATION_OFFICER', 'officer', centre.id, randomBytes(18).toString('base64url'));
  civilAffairsToken = await apiToken(centre.id);
  const housingConsumer = await createDepartment('HOUSING', 'HOUSING_361100', '上饶市住建局', '361100');
  await agreeOn(centre.id, housingConsumer, ['CREMATION', 'MARRIAGE', 'STAFF_RELATIVE_FILING']);

  // The register: households with their members by HTTP, assistance cases by the command line.
  await deliver(civilAffairsToken, 'HOUSEHOLD_REGISTER', 'household-register.csv');
  const casesImported = cli(
    'import',
    '--department',
    centre.code,
    '--dataset',
    'ASSISTANCE_CASE',
    '--as-of',
    AS_OF,
    '--reject-threshold',
    '0',
    join(FIXTURES, 'acceptance/assistance-cases.csv'),
  );
  for (const household of await hub.prisma.household.findMany()) {
    householdIds.set(household.registerNumber ?? '', household.id);
  }

  // The applications (核对申请) with their signed authorisations, as the civil-affairs system's batch: the
  // applicants become persons the hub knows, so the departments' files may name them.
  const batch = await fetch(`${hub.url}/verification-requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${civilAffairsToken}`, 'content-type': 'application/x-ndjson' },
    body: fixture('verification-requests.ndjson'),
  });
  const submitted = (await batch.json()) as { accepted: { line: number; id: string }[]; rejected: unknown[] };
  expect(submitted.rejected).toEqual([]);
  requestIds = submitted.accepted.map((accepted) => accepted.id);

  // Every dataset of eight departments.
  const deliveries: [DepartmentKind, string, Record<string, string>][] = [
    ['PUBLIC_SECURITY', '上饶县公安局', { HUKOU: 'hukou.csv', VEHICLE: 'vehicles.csv' }],
    ['HOUSING', '上饶县住建局', { REAL_ESTATE: 'real-estate.csv' }],
    [
      'HUMAN_RESOURCES',
      '上饶县人社局',
      { EMPLOYMENT: 'employment.csv', PENSION: 'pensions.csv', UNEMPLOYMENT_BENEFIT: 'unemployment-benefits.csv' },
    ],
    ['HOUSING_FUND', '上饶市住房公积金中心', { HOUSING_FUND: 'housing-fund.csv' }],
    ['BANK', '上饶农商银行', { BANK_DEPOSIT: 'bank-deposits.csv', WEALTH_PRODUCT: 'wealth-products.csv' }],
    ['MARKET_REGULATION', '上饶县市场监管局', { BUSINESS_REGISTRATION: 'business-registrations.csv' }],
    ['DISABLED_PERSONS_FEDERATION', '上饶县残联', { DISABILITY: 'disability.csv' }],
  ];
  for (const [kind, name, files] of deliveries) {
    const token = await provider(kind, name, Object.keys(files), centre.id);
    for (const [dataset, file] of Object.entries(files)) await deliver(token, dataset, file);
  }
  const civilAffairsFiles = {
    CREMATION: 'cremations.csv',
    MARRIAGE: 'marriages.csv',
    STAFF_ROSTER: 'staff-roster.csv',
    STAFF_RELATIVE_FILING: 'staff-relative-filings.csv',
  };
  for (const [dataset, file] of Object.entries(civilAffairsFiles)) await deliver(civilAffairsToken, dataset, file);
  await casesImported;
});

// Per enrolled household (the seven with a 低保 case; HH-0006, the village cadre's, has none), by hand:
// - HH-0001: 3 members; wage 900.00 (the job began in 2015, before the case: no grace period) → 300.00 a head,
//   below 470.00: 低保. Deposits 5,000 + wealth product 2,000 ≤ 3 × 11,280; the motorcycle is exempt; one home.
// - HH-0002: 2 members; wage 1,200.00 → 600.00 a head: above 470.00, below 705.00: 低收入, and on a 低保 case the
//   income is above its line: INCOME_ABOVE_STANDARD. The housing fund implies no wage where a wage is on record.
// - HH-0003: the head died on 2020-03-10 (cremation; hukou cancelled for death): DECEASED_MEMBER; the widow alone
//   counts, with a pension of 300.00 < 470.00: 低保.
// - HH-0004: no income in force (the unemployment benefit ended 2019-06-30): within the line; but deposits of
//   30,000 > 2 × 11,280 = 22,560 (FINANCIAL_ASSETS_OVER_LIMIT) and a passenger car (NON_EXEMPT_VEHICLE): above
//   the line.
// - HH-0005: an old man alone without income: 低保; his son, a village cadre (staff roster), shares his hukou
//   booklet and filed only his own wife: UNFILED_STAFF_RELATIVE.
// - HH-0007: a 单人户 case enrols the mother (disability grade 1) alone, so her son's wage of 3,000.00 is not hers:
//   she alone counts, without income: 低保 (as a household of two, 1,500.00 a head, it would be above the line).
// - HH-0008: the recipient found work on 2019-12-15 and the case is in its grace period (渐退期) from 2020-01-01,
//   18 months to 2021-06-30: his wage of 600.00 is above 470.00 and below 705.00 (低收入), but within the grace
//   period the 低保 goes on unchanged: no INCOME_ABOVE_STANDARD, and not yet its last month (GRACE_PERIOD_ENDING).
const PERIODIC_REVIEW = {
  'HH-361121-0001': { classification: 'MINIMUM_LIVING', flags: [] },
  'HH-361121-0002': { classification: 'LOW_INCOME', flags: ['INCOME_ABOVE_STANDARD'] },
  'HH-361121-0003': { classification: 'MINIMUM_LIVING', flags: ['DECEASED_MEMBER'] },
  'HH-361121-0004': { classification: 'ABOVE_LINE', flags: ['FINANCIAL_ASSETS_OVER_LIMIT', 'NON_EXEMPT_VEHICLE'] },
  'HH-361121-0005': { classification: 'MINIMUM_LIVING', flags: ['UNFILED_STAFF_RELATIVE'] },
  'HH-361121-0007': { classification: 'MINIMUM_LIVING', flags: [] },
  'HH-361121-0008': { classification: 'LOW_INCOME', flags: [] },
};

const only = (flag: string, holder: string) =>
  Object.fromEntries(
    Object.entries(PERIODIC_REVIEW).map(([number, result]) => [
      number,
      { classification: result.classification, flags: number === holder ? [flag] : [] },
    ]),
  );

describe('an empty hub given real data through its public interfaces', () => {
  it('holds the register as delivered', async () => {
    expect(householdIds.size).toBe(8);
    expect(await hub.prisma.assistanceCase.count()).toBe(7);
    const grace = await hub.prisma.assistanceCase.findUniqueOrThrow({ where: { caseNumber: 'DB-2018-0008' } });
    expect(grace.gracePeriodEndsOn?.toISOString().slice(0, 10)).toBe('2021-06-30');
    // The register's fifteen, and the applicants' three.
    expect(await hub.prisma.person.count()).toBe(18);
  });

  it('reviews the enrolled households of 上饶县 (PERIODIC_REVIEW)', async () => {
    const runId = await completedRun({ kind: 'PERIODIC_REVIEW', regionCode: '361121', asOf: AS_OF });
    expect(await resultsOf(runId)).toEqual(PERIODIC_REVIEW);
  });

  it('finds the deceased recipient (DEATH_CHECK), looking at every household of the county', async () => {
    const runId = await completedRun({ kind: 'DEATH_CHECK', regionCode: '361121', asOf: AS_OF });
    // HH-0006 has no case, but a death check covers everyone; its members signed nothing, so its class is whatever
    // the records that need no authorisation show (docs/comparisons.md).
    // Households the earlier steps registered without a register number are assessed too, and flag nothing.
    const { undefined: unnumbered, ...numbered } = await resultsOf(runId);
    expect(numbered).toEqual({
      ...only('DECEASED_MEMBER', 'HH-361121-0003'),
      'HH-361121-0006': expect.objectContaining({ flags: [] }),
    });
    expect(unnumbered?.flags ?? []).toEqual([]);
  });

  it('finds the cadre’s unfiled father (STAFF_RELATIVES)', async () => {
    const runId = await completedRun({ kind: 'STAFF_RELATIVES', regionCode: '361100', asOf: AS_OF });
    expect(await resultsOf(runId)).toEqual(only('UNFILED_STAFF_RELATIVE', 'HH-361121-0005'));
  });

  // The two applications (APPLICATION), by hand:
  // - SRX-2020-0001: 黄海 and his son of 10 (only the adult signs). Found wage 800.00 less the declared medical
  //   cost 200.00 = 600.00 for 2 members: 300.00 a head < 470.00: 低保. Deposits 15,000 ≤ 2 × 11,280; one home.
  //   Declared against found: deposit 1,000 vs 15,000 (+14,000), wage 600.00 vs 800.00 (+200.00), one home vs one,
  //   medical 200.00 that no department reports.
  // - SRX-2020-0002: 林静 alone declares farm income 300.00 (no department reports farm income) and no vehicle;
  //   the police report a passenger car worth 80,000: NON_EXEMPT_VEHICLE, above the line.
  it('checks the applications and reports declared against found (APPLICATION)', async () => {
    const ids = requestIds;
    const checked = await hub.graphql<{ checkVerificationRequests: { id: string } }>(
      'mutation ($ids: [ID!]!, $asOf: Date) { checkVerificationRequests(requestIds: $ids, asOf: $asOf) { id } }',
      { token: officer, variables: { ids, asOf: AS_OF } },
    );
    expect(checked.errors).toBeUndefined();
    const READ = `query ($id: ID!) { verificationRequest(id: $id) {
      status classification flags
      report { category memberIdNumber source declaredFen foundFen differenceFen evidence { dataset } } } }`;
    const reports = [];
    for (const id of ids) {
      let read = await hub.graphql<{ verificationRequest: { status: string } }>(READ, {
        token: officer,
        variables: { id },
      });
      while (read.data?.verificationRequest.status !== 'REPORTED') {
        expect(read.errors).toBeUndefined();
        expect(read.data?.verificationRequest.status).toMatch(/SUBMITTED|CHECKING/);
        await new Promise((resolve) => setTimeout(resolve, 100));
        read = await hub.graphql(READ, { token: officer, variables: { id } });
      }
      reports.push(read.data?.verificationRequest);
    }
    const huang = mask('361121198001201338');
    const lin = mask('361121199009091465');
    expect(reports).toEqual([
      {
        status: 'REPORTED',
        classification: 'MINIMUM_LIVING',
        flags: [],
        report: [
          {
            category: 'DEPOSIT',
            memberIdNumber: huang,
            source: '',
            declaredFen: '100000',
            foundFen: '1500000',
            differenceFen: '1400000',
            evidence: [{ dataset: 'BANK_DEPOSIT' }],
          },
          {
            category: 'INCOME',
            memberIdNumber: huang,
            source: 'WAGE',
            declaredFen: '60000',
            foundFen: '80000',
            differenceFen: '20000',
            evidence: [{ dataset: 'EMPLOYMENT' }],
          },
          {
            category: 'PROPERTY',
            memberIdNumber: huang,
            source: '',
            declaredFen: '1',
            foundFen: '1',
            differenceFen: '0',
            evidence: [{ dataset: 'REAL_ESTATE' }],
          },
          {
            category: 'RIGID_EXPENDITURE',
            memberIdNumber: null,
            source: 'MEDICAL',
            declaredFen: '20000',
            foundFen: null,
            differenceFen: null,
            evidence: [],
          },
        ],
      },
      {
        status: 'REPORTED',
        classification: 'ABOVE_LINE',
        flags: ['NON_EXEMPT_VEHICLE'],
        report: [
          {
            category: 'INCOME',
            memberIdNumber: lin,
            source: 'AGRICULTURE',
            declaredFen: '30000',
            foundFen: null,
            differenceFen: null,
            evidence: [],
          },
          {
            category: 'VEHICLE',
            memberIdNumber: lin,
            source: '',
            declaredFen: null,
            foundFen: '8000000',
            differenceFen: '8000000',
            evidence: [{ dataset: 'VEHICLE' }],
          },
        ],
      },
    ]);
  });
});
