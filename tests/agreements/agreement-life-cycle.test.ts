import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, createAgreementParties } from '../factories/agreements.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const FIELDS = 'id status statusReason version author { username } approver { username } submittedAt approvedAt';
const CREATE = `mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateSharingAgreementInput!, $version: Int!) {
  updateSharingAgreement(id: $id, input: $input, expectedVersion: $version) { ${FIELDS} items { dataItemCode accessLevel } title }
}`;
const WITHOUT_REASON = ['submit', 'approve', 'resume'] as const;
const WITH_REASON = ['return', 'suspend', 'revoke'] as const;
type Action = (typeof WITHOUT_REASON)[number] | (typeof WITH_REASON)[number];

let parties: Awaited<ReturnType<typeof createAgreementParties>>;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  parties = await createAgreementParties(hub.prisma, hub, region.code);
});

interface Agreement {
  id: string;
  status: string;
  statusReason: string | null;
  version: number;
  author: { username: string };
  approver: { username: string } | null;
  submittedAt: string | null;
  approvedAt: string | null;
}

async function createDraft(token = parties.tokens.author): Promise<Agreement> {
  const answer = await hub.graphql<{ createSharingAgreement: Agreement }>(CREATE, {
    variables: { input: agreementInput(parties) },
    token,
  });
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.createSharingAgreement;
}

// Anonymous: token null.
function act(action: Action, id: string, token: string | null = parties.tokens.approver) {
  const withReason = (WITH_REASON as readonly string[]).includes(action);
  const query = `mutation ($id: ID!${withReason ? ', $reason: String!' : ''}) {
    ${action}SharingAgreement(id: $id${withReason ? ', reason: $reason' : ''}) { ${FIELDS} }
  }`;
  return hub.graphql<Record<string, Agreement>>(query, {
    variables: withReason ? { id, reason: `${action}: 理由` } : { id },
    token: token ?? undefined,
  });
}

async function expectAct(action: Action, id: string): Promise<Agreement> {
  const answer = await act(action, id);
  expect(answer.errors).toBeUndefined();
  return answer.data?.[`${action}SharingAgreement`] as Agreement;
}

/** An agreement brought to the status by valid steps. */
async function agreementIn(status: string): Promise<Agreement> {
  const draft = await createDraft();
  const steps: Record<string, Action[]> = {
    DRAFT: [],
    PENDING_APPROVAL: ['submit'],
    ACTIVE: ['submit', 'approve'],
    SUSPENDED: ['submit', 'approve', 'suspend'],
    REVOKED: ['submit', 'approve', 'revoke'],
  };
  for (const step of steps[status] ?? []) await expectAct(step, draft.id);
  return { ...draft, status };
}

const ALLOWED: Record<Action, string[]> = {
  submit: ['DRAFT'],
  approve: ['PENDING_APPROVAL'],
  return: ['PENDING_APPROVAL'],
  suspend: ['ACTIVE'],
  resume: ['SUSPENDED'],
  revoke: ['PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED'],
};

describe('the life cycle of a sharing agreement', () => {
  it('starts as a DRAFT at version 1, written by the administrator who created it', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      author: { username: parties.users.author?.username },
      approver: null,
      submittedAt: null,
    });
  });

  it('goes DRAFT → PENDING_APPROVAL → ACTIVE ⇄ SUSPENDED → REVOKED, recording approver, times and reasons', async () => {
    const { id } = await createDraft();
    const submitted = await expectAct('submit', id);
    expect(submitted).toMatchObject({ status: 'PENDING_APPROVAL', submittedAt: expect.any(String), version: 2 });
    const approved = await expectAct('approve', id);
    expect(approved).toMatchObject({
      status: 'ACTIVE',
      approver: { username: parties.users.approver?.username },
      approvedAt: expect.any(String),
    });
    expect(await expectAct('suspend', id)).toMatchObject({ status: 'SUSPENDED', statusReason: 'suspend: 理由' });
    expect(await expectAct('resume', id)).toMatchObject({ status: 'ACTIVE', statusReason: null });
    expect(await expectAct('revoke', id)).toMatchObject({ status: 'REVOKED', statusReason: 'revoke: 理由' });
  });

  it('returns a submitted agreement to DRAFT with the reason, where it can be edited and submitted again', async () => {
    const { id } = await agreementIn('PENDING_APPROVAL');
    const returned = await expectAct('return', id);
    expect(returned).toMatchObject({ status: 'DRAFT', statusReason: 'return: 理由', submittedAt: null });
    const edited = await hub.graphql(UPDATE, {
      variables: { id, input: agreementInput(parties), version: returned.version },
      token: parties.tokens.author,
    });
    expect(edited.errors).toBeUndefined();
    expect((await expectAct('submit', id)).status).toBe('PENDING_APPROVAL');
  });

  for (const [action, allowed] of Object.entries(ALLOWED) as [Action, string[]][]) {
    for (const status of ['DRAFT', 'PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED', 'REVOKED'].filter(
      (s) => !allowed.includes(s),
    )) {
      it(`refuses to ${action} an agreement that is ${status} with CONFLICT INVALID_TRANSITION`, async () => {
        const agreement = await agreementIn(status);
        const answer = await act(action, agreement.id);
        expect(answer.data).toBeNull();
        expect(answer.errors?.[0]?.extensions).toEqual({
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          status,
          action,
        });
        expect(answer.errors?.[0]?.message).toContain(`that is ${status}`);
      });
    }
  }

  it('refuses an update once the agreement is no longer a DRAFT', async () => {
    const agreement = await agreementIn('PENDING_APPROVAL');
    const answer = await hub.graphql(UPDATE, {
      variables: { id: agreement.id, input: agreementInput(parties), version: 2 },
      token: parties.tokens.author,
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('refuses approval by its own author with CONFLICT SELF_APPROVAL', async () => {
    const { id } = await agreementIn('PENDING_APPROVAL');
    const answer = await act('approve', id, parties.tokens.author);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', reason: 'SELF_APPROVAL' });
    expect(answer.errors?.[0]?.message).toBe('you wrote this agreement: another administrator must approve it');
    const stored = await hub.prisma.sharingAgreement.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe('PENDING_APPROVAL');
  });

  it('refuses a reason that is blank', async () => {
    const { id } = await agreementIn('ACTIVE');
    const answer = await hub.graphql('mutation ($id: ID!) { suspendSharingAgreement(id: $id, reason: " ") { id } }', {
      variables: { id },
      token: parties.tokens.approver,
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BLANK_VALUE' });
  });

  it('answers NOT_FOUND for an agreement that does not exist', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      expect((await act('submit', id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('editing a draft', () => {
  it('replaces its terms and items and bumps its version', async () => {
    const draft = await createDraft();
    const input = agreementInput(parties, {
      title: '新标题',
      items: [{ dataItemCode: 'HUKOU', accessLevel: 'FULL' }],
    });
    const answer = await hub.graphql<{ updateSharingAgreement: Agreement & { title: string; items: unknown[] } }>(
      UPDATE,
      { variables: { id: draft.id, input, version: 1 }, token: parties.tokens.author },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.updateSharingAgreement).toMatchObject({
      title: '新标题',
      version: 2,
      items: [{ dataItemCode: 'HUKOU', accessLevel: 'FULL' }],
    });
  });

  it('refuses a stale expectedVersion with CONFLICT STALE_VERSION and changes nothing', async () => {
    const draft = await createDraft();
    const first = await hub.graphql(UPDATE, {
      variables: { id: draft.id, input: agreementInput(parties, { title: '第一次修改' }), version: 1 },
      token: parties.tokens.author,
    });
    expect(first.errors).toBeUndefined();
    const stale = await hub.graphql(UPDATE, {
      variables: { id: draft.id, input: agreementInput(parties, { title: '过时的修改' }), version: 1 },
      token: parties.tokens.approver,
    });
    expect(stale.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      expectedVersion: 1,
      currentVersion: 2,
    });
    const stored = await hub.prisma.sharingAgreement.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ title: '第一次修改', version: 2 });
  });
});

describe('who may change agreements', () => {
  it('refuses every change to verification officers and auditors (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const { id } = await agreementIn('PENDING_APPROVAL');
    for (const [token, code] of [
      [parties.tokens.officer, 'FORBIDDEN'],
      [parties.tokens.auditor, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const created = await hub.graphql(CREATE, {
        variables: { input: agreementInput(parties) },
        token: token ?? undefined,
      });
      expect(created.errors?.[0]?.extensions?.code).toBe(code);
      expect((await act('approve', id, token)).errors?.[0]?.extensions?.code).toBe(code);
    }
    expect((await hub.prisma.sharingAgreement.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING_APPROVAL');
  });
});

describe('the hub_agreements_changed notification', () => {
  it('arrives with the agreement id after each change, for the permission engine on every instance', async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const received: string[] = [];
    listener.on('notification', (message) => {
      if (message.channel === 'hub_agreements_changed' && message.payload) received.push(message.payload);
    });
    await listener.query('LISTEN hub_agreements_changed');
    try {
      const draft = await createDraft();
      await expectAct('submit', draft.id);
      await expectAct('approve', draft.id);
      await expect.poll(() => received.filter((id) => id === draft.id).length).toBe(3);
    } finally {
      await listener.end();
    }
  });

  it('is not sent for a change that was refused', async () => {
    const draft = await createDraft();
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const received: string[] = [];
    listener.on('notification', (message) => received.push(message.payload ?? ''));
    await listener.query('LISTEN hub_agreements_changed');
    try {
      await act('approve', draft.id);
      await expectAct('submit', draft.id);
      await expect.poll(() => received.length).toBe(1);
    } finally {
      await listener.end();
    }
  });
});
