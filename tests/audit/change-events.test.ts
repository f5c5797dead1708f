import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, createAgreementParties } from '../factories/agreements.ts';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(() => pool.end());

interface EventRow {
  request_id: string;
  actor_name: string;
  operation: string;
  reason: string | null;
  agreement_ids: string[];
  subject_person_id: string | null;
  event: string;
  change: Record<string, unknown> & { changes: { field: string; old: unknown; new: unknown }[] };
}

const eventsOf = async (where: string, values: unknown[]) =>
  (
    await pool.query<EventRow>(
      `SELECT request_id, actor_name, operation, reason, agreement_ids::text[], subject_person_id::text, event::text,
              change FROM audit_entries WHERE event IS NOT NULL AND ${where} ORDER BY sequence`,
      values,
    )
  ).rows;

let parties: Awaited<ReturnType<typeof createAgreementParties>>;
let regionCode: string;
const as = (token: string, query: string, variables: Record<string, unknown>) =>
  hub.graphql<Record<string, { id: string; status?: string }>>(query, { token, variables });

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  parties = await createAgreementParties(hub.prisma, hub, regionCode);
});

describe('sharing agreement events', () => {
  let agreementId: string;

  it('records each step of the life cycle as its own event, with the matrix, in the mutation’s request', async () => {
    const created = await as(
      parties.tokens.author,
      'mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id } }',
      { input: agreementInput(parties) },
    );
    agreementId = created.data?.createSharingAgreement?.id as string;
    const step = (token: string, action: string, reason?: string) =>
      as(
        token,
        reason
          ? `mutation ($id: ID!, $reason: String!) { ${action}SharingAgreement(id: $id, reason: $reason) { status } }`
          : `mutation ($id: ID!) { ${action}SharingAgreement(id: $id) { status } }`,
        { id: agreementId, ...(reason ? { reason } : {}) },
      );
    await step(parties.tokens.author, 'submit');
    await step(parties.tokens.approver, 'approve');
    expect((await step(parties.tokens.author, 'suspend', '公安局数据接口升级，暂停两周')).errors).toBeUndefined();
    await step(parties.tokens.author, 'resume');
    await step(parties.tokens.author, 'revoke', '协议到期前终止');

    const events = await eventsOf('$1 = ANY(agreement_ids)', [agreementId]);
    expect(events.map((event) => event.event)).toEqual([
      'AGREEMENT_CREATED',
      'AGREEMENT_SUBMITTED',
      'AGREEMENT_APPROVED',
      'AGREEMENT_SUSPENDED',
      'AGREEMENT_RESUMED',
      'AGREEMENT_REVOKED',
    ]);
    const suspended = events[3] as EventRow;
    expect(suspended).toMatchObject({
      actor_name: parties.users.author?.username,
      operation: 'suspendSharingAgreement',
      reason: '公安局数据接口升级，暂停两周',
    });
    expect(suspended.change).toMatchObject({
      reason: '公安局数据接口升级，暂停两周',
      changes: [{ field: 'status', old: 'ACTIVE', new: 'SUSPENDED' }],
      matrix: [
        { itemCode: 'HUKOU', accessLevel: 'MASKED' },
        { itemCode: 'VEHICLES', accessLevel: 'DERIVED' },
      ],
    });
    expect(events[2]?.actor_name).toBe(parties.users.approver?.username);
    // The event and the request's own entry share the request id.
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM audit_entries WHERE request_id = $1', [
      suspended.request_id,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('writes no event for a refused change, and no change when its event cannot be written', async () => {
    const before = (await eventsOf('$1 = ANY(agreement_ids)', [agreementId])).length;
    const refused = await as(
      parties.tokens.author,
      'mutation ($id: ID!, $reason: String!) { suspendSharingAgreement(id: $id, reason: $reason) { status } }',
      { id: agreementId, reason: '已撤销的协议不能暂停' },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await eventsOf('$1 = ANY(agreement_ids)', [agreementId])).toHaveLength(before);

    // As the superuser: the trail refuses this one event type, so the change that records it must not commit.
    const other = await as(
      parties.tokens.author,
      'mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id } }',
      { input: agreementInput(parties) },
    );
    const otherId = other.data?.createSharingAgreement?.id as string;
    await pool.query(`CREATE FUNCTION refuse_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'trail refuses the event'; END $$;
      CREATE TRIGGER refuse_submitted BEFORE INSERT ON audit_entries FOR EACH ROW
        WHEN (NEW.event = 'AGREEMENT_SUBMITTED') EXECUTE FUNCTION refuse_submitted()`);
    try {
      const submitted = await as(
        parties.tokens.author,
        'mutation ($id: ID!) { submitSharingAgreement(id: $id) { status } }',
        {
          id: otherId,
        },
      );
      expect(submitted.errors).toBeDefined();
    } finally {
      await pool.query('DROP TRIGGER refuse_submitted ON audit_entries; DROP FUNCTION refuse_submitted()');
    }
    const agreement = await hub.prisma.sharingAgreement.findUniqueOrThrow({ where: { id: otherId } });
    expect(agreement.status).toBe('DRAFT');
    expect((await eventsOf('$1 = ANY(agreement_ids)', [otherId])).map((event) => event.event)).toEqual([
      'AGREEMENT_CREATED',
    ]);
  });

  it('reads the events in GraphQL as typed changes, for auditors', async () => {
    const answer = await hub.graphql<{
      auditEntries: { edges: { node: { event: string; change: Record<string, unknown> } }[] };
    }>(
      `query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 10) { edges { node {
        event change { type label reason changes { field oldValue newValue }
          ... on AgreementChangeEvent { agreementId code matrix { itemCode accessLevel } } } } } } }`,
      { token: parties.tokens.auditor, variables: { filter: { actorName: parties.users.author?.username } } },
    );
    expect(answer.errors).toBeUndefined();
    const suspended = answer.data?.auditEntries.edges.find((edge) => edge.node.event === 'AGREEMENT_SUSPENDED');
    expect(suspended?.node.change).toMatchObject({
      type: 'AGREEMENT_SUSPENDED',
      label: 'Sharing agreement suspended (暂停)',
      reason: '公安局数据接口升级，暂停两周',
      changes: [{ field: 'status', oldValue: '"ACTIVE"', newValue: '"SUSPENDED"' }],
      agreementId,
      matrix: [
        { itemCode: 'HUKOU', accessLevel: 'MASKED' },
        { itemCode: 'VEHICLES', accessLevel: 'DERIVED' },
      ],
    });
  });
});

describe('other administrative changes', () => {
  it('records a user created, given a new role and disabled, with the old and new role and the reasons', async () => {
    const username = `clerk${uniqueNumber()}`;
    const created = await as(
      parties.tokens.author,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          username,
          displayName: '窗口经办人',
          password: `window desk ${uniqueNumber()} tangerine`,
          role: 'VERIFICATION_OFFICER',
          departmentId: parties.civilAffairs.id,
        },
      },
    );
    const userId = created.data?.createUser?.id as string;
    const role = await as(
      parties.tokens.author,
      'mutation ($id: ID!, $reason: String!) { changeUserRole(id: $id, role: AUDITOR, reason: $reason) { id } }',
      { id: userId, reason: '调岗到审计科' },
    );
    expect(role.errors).toBeUndefined();
    await as(
      parties.tokens.author,
      'mutation ($id: ID!, $reason: String!) { disableUser(id: $id, reason: $reason) { id } }',
      { id: userId, reason: '离职' },
    );
    const events = await eventsOf(`change->>'userId' = $1`, [userId]);
    expect(events.map((event) => [event.event, event.reason])).toEqual([
      ['USER_CREATED', null],
      ['USER_ROLE_CHANGED', '调岗到审计科'],
      ['USER_DISABLED', '离职'],
    ]);
    expect(events[1]?.change.changes).toEqual([{ field: 'role', old: 'VERIFICATION_OFFICER', new: 'AUDITOR' }]);
    expect(JSON.stringify(events[0]?.change)).not.toContain('tangerine');
  });

  it('refuses a blank reason and changes nothing', async () => {
    const { user } = await createUser(hub.prisma, {
      role: 'VERIFICATION_OFFICER',
      departmentId: parties.civilAffairs.id,
    });
    const answer = await as(
      parties.tokens.author,
      'mutation ($id: ID!) { disableUser(id: $id, reason: "  ") { id } }',
      { id: user.id },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await hub.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
    expect(await eventsOf(`change->>'userId' = $1`, [user.id])).toEqual([]);
  });

  it('records an API client created, rotated and revoked, never its secret', async () => {
    const created = await hub.graphql<{ createApiClient: { apiClient: { id: string }; clientSecret: string } }>(
      'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } clientSecret } }',
      { token: parties.tokens.author, variables: { input: { departmentId: parties.consumer.id, name: '住建系统' } } },
    );
    const id = created.data?.createApiClient.apiClient.id as string;
    const rotated = await hub.graphql<{ rotateApiClientSecret: { clientSecret: string } }>(
      'mutation ($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }',
      { token: parties.tokens.author, variables: { id } },
    );
    await as(parties.tokens.author, 'mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id });
    await as(parties.tokens.author, 'mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id });
    const events = await eventsOf(`change->>'apiClientId' = $1`, [id]);
    expect(events.map((event) => event.event)).toEqual([
      'API_CLIENT_CREATED',
      'API_CLIENT_ROTATED',
      'API_CLIENT_REVOKED',
    ]);
    const text = JSON.stringify(events);
    expect(text).not.toContain(created.data?.createApiClient.clientSecret);
    expect(text).not.toContain(rotated.data?.rotateApiClientSecret.clientSecret);
  });

  it('records a consent recorded and withdrawn about its person', async () => {
    // A person of the officers' own region: consents of persons outside their reach are refused (docs/access.md).
    const { head: person } = await createHousehold(hub.prisma, { regionCode });
    const recorded = await as(
      parties.tokens.author,
      'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
      {
        input: {
          personIdNumber: person.idNumber,
          purposes: ['HOUSING_SUBSIDY'],
          departmentId: parties.consumer.id,
          signedOn: '2026-12-01',
          expiresOn: '2027-11-30',
          documentReference: `授权书 ${uniqueNumber()}`,
        },
      },
    );
    const consentId = recorded.data?.recordConsent?.id as string;
    await as(parties.tokens.author, 'mutation ($id: ID!) { withdrawConsent(id: $id) { id } }', { id: consentId });
    const events = await eventsOf('subject_person_id = $1', [person.id]);
    expect(events.map((event) => event.event)).toEqual(['CONSENT_RECORDED', 'CONSENT_WITHDRAWN']);
    expect(events[0]?.change).toMatchObject({ consentId, personId: person.id });
  });

  it('records a standard changed with the old and new figures', async () => {
    const set = (minimumLivingMonthlyFen: number) =>
      as(
        parties.tokens.author,
        'mutation ($input: SetAssistanceStandardInput!) { setAssistanceStandard(input: $input) { id } }',
        { input: { regionCode, year: 2026, areaType: 'URBAN', minimumLivingMonthlyFen } },
      );
    const first = await set(80_000);
    expect(first.errors).toBeUndefined();
    await set(85_000);
    const events = await eventsOf(`change->>'standardId' = $1`, [first.data?.setAssistanceStandard?.id]);
    expect(events.map((event) => event.event)).toEqual(['STANDARD_CHANGED', 'STANDARD_CHANGED']);
    expect(events[1]?.change.changes).toEqual([{ field: 'minimumLivingMonthlyFen', old: 80_000, new: 85_000 }]);
  });

  it('records a snapshot switched by the delivering department’s client', async () => {
    const delivering = await createDeliveringBank(hub.prisma, { regionCode, persons: 2 });
    const upload = (asOf: string, tag: string) =>
      uploadSnapshot(hub.url, {
        token: delivering.token,
        asOf,
        body: depositFile(
          delivering.persons.map((person) => person.idNumber),
          [],
          tag,
        ),
      });
    const first = await upload('2026-11-30', 'A');
    const second = await upload('2026-12-01', 'B');
    expect(second.status).toBe(201);
    const events = await eventsOf(`change->>'departmentId' = $1 AND event = 'SNAPSHOT_SWITCHED'`, [delivering.bank.id]);
    expect(events.map((event) => [event.change.previousSnapshotId, event.change.snapshotId])).toEqual([
      [null, first.body.snapshot?.id],
      [first.body.snapshot?.id, second.body.snapshot?.id],
    ]);
  });

  it('keeps the chain intact with events in it, verified in Node', async () => {
    expect(await verifyAuditChain(pool)).toMatchObject({ intact: true });
  });
});

describe('the audit screen’s filters', () => {
  const trail = (filter: Record<string, unknown>) =>
    hub.graphql<{ auditEntries: { totalCount: number; edges: { node: { operation: string; label: string } }[] } }>(
      'query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 50) { totalCount edges { node { operation label } } } }',
      { token: parties.tokens.auditor, variables: { filter } },
    );

  it('hides bookkeeping (requests about nobody that disclosed nothing) unless asked for', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId: parties.civilAffairs.id });
    const token = await hub.logIn(user.username, password);
    await hub.graphql('query PortalRefresh { me { id } }', { token });
    await hub.graphql('query Refused { auditEntries(first: 1) { totalCount } }', {
      token: parties.tokens.officer,
    });
    const hidden = await trail({ actorName: user.username });
    expect(hidden.data?.auditEntries.totalCount).toBe(0);
    const shown = await trail({ actorName: user.username, includeBookkeeping: true });
    expect(shown.data?.auditEntries.edges.map((edge) => edge.node.operation)).toContain('PortalRefresh');
    // A refusal is never bookkeeping.
    const refused = await trail({ actorName: parties.users.officer?.username, decision: 'DENIED' });
    expect(refused.data?.auditEntries.edges.map((edge) => edge.node.operation)).toContain('Refused');
  });

  it('filters administrative changes by type, labelled for people', async () => {
    const suspended = await trail({ event: 'AGREEMENT_SUSPENDED', actorName: parties.users.author?.username });
    expect(suspended.data?.auditEntries.edges.map((edge) => edge.node.label)).toEqual([
      'Sharing agreement suspended (暂停)',
    ]);
    const changes = await trail({ changesOnly: true, actorName: parties.users.approver?.username });
    expect(changes.data?.auditEntries.edges.map((edge) => edge.node.operation)).toEqual(['approveSharingAgreement']);
  });
});
