import { readFileSync } from 'node:fs';
import { buildSchema, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildHubQuery } from './build-query.ts';
import type { HubOperation } from './hub-operation.ts';
import { MissingCursorError } from './list-operations.ts';
import { rememberIdNumber } from './person-id-numbers.ts';
import { createRelayCursors } from './relay-cursors.ts';

const rootField = (operation: HubOperation) => {
  const definition = operation.query.definitions[0];
  if (definition?.kind !== 'OperationDefinition') throw new Error('no operation');
  const selection = definition.selectionSet.selections[0];
  return `${definition.operation} ${selection?.kind === 'Field' ? selection.name.value : '?'}`;
};

function setUp(queries?: string[]) {
  const cursors = createRelayCursors();
  const build = buildHubQuery(cursors)(queries ? { queries: queries.map((name) => ({ name })) } : undefined);
  return { build, cursors };
}

// The hub's schema as printed for clients: every document the portal builds must be valid against it.
const hubSchema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));

const connection = (nodes: object[], endCursor: string, hasNextPage: boolean, totalCount?: number) => ({
  edges: nodes.map((node) => ({ cursor: 'c', node })),
  pageInfo: { endCursor, hasNextPage },
  ...(totalCount === undefined ? {} : { totalCount }),
});

describe('buildQuery: react-admin verbs onto the hub’s own operations', () => {
  it.each([
    ['GET_LIST', 'SharingAgreement', { pagination: { page: 1, perPage: 25 }, filter: {} }, 'query sharingAgreements'],
    ['GET_ONE', 'SharingAgreement', { id: 'a1' }, 'query sharingAgreement'],
    ['CREATE', 'SharingAgreement', { data: { items: [] } }, 'mutation createSharingAgreement'],
    [
      'UPDATE',
      'SharingAgreement',
      { id: 'a1', data: { items: [] }, previousData: { version: 3 } },
      'mutation updateSharingAgreement',
    ],
    ['GET_LIST', 'Department', {}, 'query departments'],
    ['GET_ONE', 'Department', { id: 'd1' }, 'query department'],
    [
      'CREATE',
      'Department',
      { data: { code: 'X', name: 'x', kind: 'TAX', regionCode: '640100' } },
      'mutation createDepartment',
    ],
    [
      'UPDATE',
      'Department',
      { id: 'd1', data: { name: 'y', region: { code: '640100' } } },
      'mutation updateDepartment',
    ],
    ['GET_MANY_REFERENCE', 'ApiClient', { target: 'departmentId', id: 'd1' }, 'query apiClients'],
    ['CREATE', 'ApiClient', { data: { departmentId: 'd1', name: 'n' } }, 'mutation createApiClient'],
    ['GET_LIST', 'Consent', { filter: { personIdNumber: '640104199001010012' } }, 'query consents'],
    ['CREATE', 'Consent', { data: { personIdNumber: 'x', purposes: [] } }, 'mutation recordConsent'],
    ['GET_LIST', 'Person', { filter: { name: '张' } }, 'query persons'],
    ['GET_ONE', 'Person', { id: 'p0' }, 'query person'],
    ['GET_LIST', 'Household', {}, 'query households'],
    ['GET_LIST', 'AssistanceStandard', { filter: { year: '2026' } }, 'query assistanceStandards'],
    [
      'CREATE',
      'AssistanceStandard',
      { data: { year: '2026', minimumLivingMonthlyYuan: '830' } },
      'mutation setAssistanceStandard',
    ],
    [
      'UPDATE',
      'AssistanceStandard',
      { id: 's', data: { year: 2026, minimumLivingMonthlyYuan: '830.00' } },
      'mutation setAssistanceStandard',
    ],
    ['GET_LIST', 'ComparisonRun', { filter: { kind: 'PERIODIC_REVIEW' } }, 'query comparisonRuns'],
    [
      'CREATE',
      'ComparisonRun',
      { data: { kind: 'PERIODIC_REVIEW', asOf: '2026-10-31' } },
      'mutation startComparisonRun',
    ],
    ['GET_LIST', 'HouseholdAssessment', { filter: { runId: 'r1', flag: 'DATA_MISSING' } }, 'query assessments'],
    ['GET_LIST', 'AuditEntry', { filter: {} }, 'query auditEntries'],
    ['GET_LIST', 'AuditEntry', { filter: { requestId: 'r1' } }, 'query auditEntries'],
    ['GET_LIST', 'AuditRequest', { filter: { itemCode: 'VEHICLE', includeBookkeeping: true } }, 'query auditRequests'],
    ['GET_LIST', 'DatasetSnapshot', { filter: { departmentId: 'd1' } }, 'query datasetSnapshots'],
    ['GET_LIST', 'DataItem', {}, 'query dataItems'],
    ['GET_LIST', 'Region', {}, 'query regions'],
    ['GET_LIST', 'User', { filter: { role: 'AUDITOR' } }, 'query users'],
    [
      'CREATE',
      'User',
      { data: { username: 'u', displayName: 'U', password: 'p', role: 'AUDITOR', departmentId: 'd1' } },
      'mutation createUser',
    ],
    ['GET_LIST', 'DepartmentConnector', {}, 'query departmentConnectors'],
  ])('%s %s → %s', (fetchType, resource, params, expected) => {
    rememberIdNumber('p0', '640104199001010012');
    const operation = setUp().build(fetchType, resource, params);
    expect(rootField(operation)).toBe(expected);
    // A field the hub does not have is an HTTP 400 for every use of the screen (persons { totalCount } was one).
    expect(validate(hubSchema, operation.query).map((error) => error.message)).toEqual([]);
  });

  it('sends a standard typed in yuan to the hub in fen: 620 is ¥620.00, never ¥6.20', () => {
    const operation = setUp().build('CREATE', 'AssistanceStandard', {
      data: { year: 2026, minimumLivingMonthlyYuan: '620', exemptVehicleMaxValueYuan: '30,000.5' },
    });
    expect(operation.variables.input).toMatchObject({
      minimumLivingMonthlyFen: 62_000,
      exemptVehicleMaxValueFen: '3000050',
    });
  });

  it('tells the runs list its total once the last page is reached: 2 runs are “1-2 of 2”, not “1-10 of 10”', () => {
    const runs = [{ id: 'r1' }, { id: 'r2' }];
    const operation = setUp().build('GET_LIST', 'ComparisonRun', { pagination: { page: 1, perPage: 10 }, filter: {} });
    expect(operation.parseResponse({ data: { comparisonRuns: runs } })).toMatchObject({ data: runs, total: 2 });
    const eleven = Array.from({ length: 11 }, (_, index) => ({ id: `r${index}` }));
    const first = operation.parseResponse({ data: { comparisonRuns: eleven } }) as { total?: number };
    expect(first.total).toBeUndefined();
  });

  it('offers no delete: the hub has none', () => {
    const { build } = setUp();
    expect(() => build('DELETE', 'SharingAgreement', { id: 'a1' })).toThrow(
      'the hub offers no DELETE for SharingAgreement',
    );
    expect(() => build('DELETE_MANY', 'Consent', { ids: ['c1'] })).toThrow(/no DELETE_MANY/);
  });

  it('refuses, before any request, an operation the caller’s introspection does not show', () => {
    const { build } = setUp(['sharingAgreements', 'sharingAgreement']);
    expect(() => build('GET_LIST', 'SharingAgreement', { filter: {} })).not.toThrow();
    expect(() => build('CREATE', 'SharingAgreement', { data: { items: [] } })).toThrow('ra.page.access_denied');
  });

  it('sends an agreement’s filter and an update’s expected version as the schema names them', () => {
    const { build } = setUp();
    const list = build('GET_LIST', 'SharingAgreement', {
      pagination: { page: 1, perPage: 10 },
      filter: { providerDepartmentId: 'p', status: 'ACTIVE', purpose: '', consumerDepartmentId: undefined },
    });
    expect(list.variables).toEqual({ first: 10, filter: { providerDepartmentId: 'p', status: 'ACTIVE' } });
    const update = build('UPDATE', 'SharingAgreement', {
      id: 'a1',
      data: {
        code: 'C',
        title: 'T',
        provider: { id: 'p' },
        consumer: { id: 'c' },
        purposes: ['HOUSING_SUBSIDY'],
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
        dailyQueryQuota: '',
        items: [{ dataItemCode: 'HUKOU', accessLevel: 'FULL', dataItem: { nameZh: '户籍信息' } }],
        version: 9,
      },
      previousData: { version: 4 },
    });
    expect(update.variables).toEqual({
      id: 'a1',
      expectedVersion: 4,
      input: {
        code: 'C',
        title: 'T',
        providerDepartmentId: 'p',
        consumerDepartmentId: 'c',
        purposes: ['HOUSING_SUBSIDY'],
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
        dailyQueryQuota: null,
        items: [{ dataItemCode: 'HUKOU', accessLevel: 'FULL' }],
      },
    });
  });

  it('pages a Relay connection: page 2 asks for the nodes after page 1’s end cursor, with the total from totalCount', () => {
    const { build } = setUp();
    const params = (page: number) => ({ pagination: { page, perPage: 2 }, filter: { decision: 'DENIED' } });
    expect(() => build('GET_LIST', 'AuditEntry', params(2))).toThrow(MissingCursorError);
    const first = build('GET_LIST', 'AuditEntry', params(1));
    expect(first.variables).toMatchObject({ first: 2, filter: { decision: 'DENIED' } });
    expect(first.variables).not.toHaveProperty('after');
    const parsed = first.parseResponse({
      data: { auditEntries: connection([{ id: 'e1' }, { id: 'e2' }], 'cur-2', true, 5) },
    });
    expect(parsed).toEqual({
      data: [{ id: 'e1' }, { id: 'e2' }],
      total: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const second = build('GET_LIST', 'AuditEntry', params(2));
    expect(second.variables).toMatchObject({ first: 2, after: 'cur-2' });
    // Another filter is another list: its cursors are its own.
    expect(() => build('GET_LIST', 'AuditEntry', { pagination: { page: 2, perPage: 2 }, filter: {} })).toThrow(
      MissingCursorError,
    );
  });

  it('pages a connection without a count on hasNextPage, and counts it on its last page', () => {
    const { build } = setUp();
    const page1 = build('GET_LIST', 'Person', { pagination: { page: 1, perPage: 2 }, filter: { name: '张' } });
    const person = (id: string, idNumber: string) => ({ id, idNumber, name: '张三' });
    expect(
      page1.parseResponse({ data: { persons: connection([person('p1', 'A'), person('p2', 'B')], 'k', true) } }),
    ).toEqual({
      data: [
        { id: 'p1', personId: 'p1', idNumber: 'A', name: '张三' },
        { id: 'p2', personId: 'p2', idNumber: 'B', name: '张三' },
      ],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const page2 = build('GET_LIST', 'Person', { pagination: { page: 2, perPage: 2 }, filter: { name: '张' } });
    expect(page2.variables).toEqual({ name: '张', first: 2, after: 'k' });
    expect(page2.parseResponse({ data: { persons: connection([person('p3', 'C')], 'z', false) } })).toMatchObject({
      total: 3,
    });
  });

  it('keeps a person’s answer with its denied fields, each naming its data item', () => {
    const { build } = setUp();
    rememberIdNumber('p1', '640104199001010012');
    const operation = build('GET_ONE', 'Person', { id: 'p1' });
    expect(operation.variables).toEqual({ idNumber: '640104199001010012' });
    expect(print(operation.query)).toContain('provenance');
    const parsed = operation.parseResponse({
      data: { person: { id: 'p1', idNumber: '640104199001010012', name: '张三', vehicles: null } },
      errors: [
        {
          message: 'VEHICLES needs the subject’s authorisation',
          path: ['person', 'vehicles'],
          extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED', dataItem: 'VEHICLES' },
        },
      ],
    }) as { data: Record<string, unknown> };
    expect(parsed.data).toMatchObject({ id: 'p1', personId: 'p1', vehicles: null });
    expect(parsed.data.deniedFields).toEqual([
      {
        path: 'person.vehicles',
        dataItem: 'VEHICLES',
        reason: 'CONSENT_REQUIRED',
        message: 'VEHICLES needs the subject’s authorisation',
      },
    ]);
  });

  it('names a person by the internal id only, and asks to search again for one this tab has not found', () => {
    const { build } = setUp();
    const found = build('GET_LIST', 'Person', { filter: { idNumber: '640104199001010012' } });
    const { data } = found.parseResponse({
      data: { persons: connection([{ id: 'p7', idNumber: '640104199001010012' }], 'k', false) },
    }) as { data: { id: string }[] };
    expect(data.map((person) => person.id)).toEqual(['p7']);
    expect(build('GET_ONE', 'Person', { id: 'p7' }).variables).toEqual({ idNumber: '640104199001010012' });
    expect(() => build('GET_ONE', 'Person', { id: '640104199001010012' })).toThrow('hub.persons.search_again');
  });

  it('throws the hub’s error when an answer has no data, and a 404 for a record that does not exist', () => {
    const { build } = setUp();
    const operation = build('GET_ONE', 'ComparisonRun', { id: 'nope' });
    expect(() =>
      operation.parseResponse({
        data: { comparisonRun: null },
        errors: [{ message: 'not a uuid', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    ).toThrow('not a uuid');
    expect(() => operation.parseResponse({ data: { comparisonRun: null } })).toThrow(
      'ra.notification.item_doesnt_exist',
    );
  });

  it('reads a new API client’s secret from the create answer, once', () => {
    const { build } = setUp();
    const operation = build('CREATE', 'ApiClient', { data: { departmentId: 'd1', name: '住建局系统' } });
    expect(operation.variables).toEqual({ input: { departmentId: 'd1', name: '住建局系统' } });
    expect(
      operation.parseResponse({
        data: { createApiClient: { clientSecret: 's3cret', apiClient: { id: 'k1', clientId: 'hc_1' } } },
      }),
    ).toEqual({ data: { id: 'k1', clientId: 'hc_1', clientSecret: 's3cret' } });
  });

  it('pages the short lists here, and filters what the server does not', () => {
    const { build } = setUp();
    const operation = build('GET_LIST', 'Department', {
      pagination: { page: 2, perPage: 1 },
      filter: { kind: 'BANK', q: '黄河' },
    });
    expect(operation.variables).toEqual({ kind: 'BANK' });
    const banks = [
      { id: 'b1', code: 'BANK_CCB', name: '建设银行' },
      { id: 'b2', code: 'BANK_HH', name: '黄河农商行' },
      { id: 'b3', code: 'BANK_HH2', name: '黄河银行' },
    ];
    expect(operation.parseResponse({ data: { departments: banks } })).toEqual({ data: [banks[2]], total: 2 });
  });
});
