import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createDiscrepancyCase } from '../factories/discrepancy-cases.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion, createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Monday 2026-09-28, 10:00 China Standard Time; the National Day holiday starts on Thursday.
const clock = { now: new Date('2026-09-28T02:00:00Z') };
const db = await createTestDatabase();
const hub = await startTestApp(db.url, { discrepancyCases: { now: () => clock.now } });

const { county, township } = await createRegionTree(hub.prisma);
const otherTownship = await createRegion(hub.prisma, { level: 'TOWNSHIP', parentCode: county.code });
const office = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: township.code });
const otherOffice = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: otherTownship.code });
const bureau = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: county.code });

async function officer(
  departmentId: string,
  role: 'VERIFICATION_OFFICER' | 'ADMIN' | 'AUDITOR' = 'VERIFICATION_OFFICER',
) {
  const { user, password } = await createUser(hub.prisma, { role, departmentId });
  return { user, token: await hub.logIn(user.username, password) };
}

const first = await officer(office.id);
const second = await officer(office.id);
const elsewhere = await officer(otherOffice.id);
const countyOfficer = await officer(bureau.id);
const auditor = await officer(office.id, 'AUDITOR');

const CASE_FIELDS = `id status overdue dueOn appealableUntil outcome action dismissalReason decidedInTime assigneeId
  events { type actorName details } attachments { fileName sha256 sizeBytes } findings { runId flags }`;

async function step(token: string, mutation: string, variables: Record<string, unknown>) {
  const name = mutation.match(/\{\s*(\w+)/)?.[1] as string;
  const answer = await hub.graphql<Record<string, Record<string, unknown>>>(mutation, { token, variables });
  return { data: answer.data?.[name] ?? null, errors: answer.errors };
}

const ASSIGN = `mutation ($id: ID!, $to: ID!) { assignDiscrepancyCase(id: $id, assigneeId: $to) { ${CASE_FIELDS} } }`;
const VISIT = `mutation ($id: ID!) {
  recordDiscrepancyCaseVisit(id: $id, visitedOn: "2026-09-28", notes: "户主在家，确有工资收入") { ${CASE_FIELDS} } }`;
const EXPLAIN = `mutation ($id: ID!) {
  recordDiscrepancyCaseExplanation(id: $id, explanation: "工资为临时工，已离职") { ${CASE_FIELDS} } }`;
const ATTACH = `mutation ($id: ID!, $content: String!) {
  attachDiscrepancyCaseFile(id: $id, input: { fileName: "离职证明.txt", mediaType: "text/plain", contentBase64: $content })
  { ${CASE_FIELDS} } }`;
const DECIDE = `mutation ($id: ID!, $input: DecideDiscrepancyCaseInput!) {
  decideDiscrepancyCase(id: $id, input: $input) { ${CASE_FIELDS} } }`;
const APPEAL = `mutation ($id: ID!) { appealDiscrepancyCase(id: $id, evidence: "新的离职证明") { ${CASE_FIELDS} } }`;
const DECIDE_APPEAL = `mutation ($id: ID!, $input: DecideDiscrepancyCaseInput!) {
  decideDiscrepancyCaseAppeal(id: $id, input: $input) { ${CASE_FIELDS} } }`;
const CLOSE = `mutation ($id: ID!) { closeDiscrepancyCase(id: $id) { ${CASE_FIELDS} } }`;
const ONE = `query ($id: ID!) { discrepancyCase(id: $id) { ${CASE_FIELDS} } }`;

const codeOf = (errors: { extensions?: Record<string, unknown> }[] | undefined) =>
  errors?.map((error) => [error.extensions?.code, error.extensions?.reason]);

const open = (dueOn = '2026-10-23') => createDiscrepancyCase(hub.prisma, { townshipCode: township.code, dueOn });

describe('a case’s life cycle', () => {
  const journey = { id: '' };
  beforeAll(async () => {
    journey.id = (await open()).case.id;
  });

  it('refuses a decision on a case nobody has worked, and changes nothing', async () => {
    const refused = await step(first.token, DECIDE, {
      id: journey.id,
      input: { outcome: 'CONFIRMED', action: 'STOP' },
    });
    expect(codeOf(refused.errors)).toEqual([['CONFLICT', 'INVALID_TRANSITION']]);
    const unchanged = await hub.graphql<{ discrepancyCase: { status: string; events: unknown[] } }>(ONE, {
      token: first.token,
      variables: { id: journey.id },
    });
    expect(unchanged.data?.discrepancyCase.status).toBe('OPEN');
    expect(unchanged.data?.discrepancyCase.events).toHaveLength(1);
  });

  it('is assigned to an officer of its office, never to another office’s', async () => {
    const refused = await step(first.token, ASSIGN, { id: journey.id, to: elsewhere.user.id });
    expect(codeOf(refused.errors)).toEqual([['BAD_USER_INPUT', 'ASSIGNEE_OUTSIDE_OFFICE']]);
    const assigned = await step(first.token, ASSIGN, { id: journey.id, to: first.user.id });
    expect(assigned.data).toMatchObject({ status: 'OPEN', assigneeId: first.user.id });
  });

  it('is in progress once visited, with the household’s explanation and a file kept with its SHA-256', async () => {
    expect((await step(first.token, VISIT, { id: journey.id })).data?.status).toBe('IN_PROGRESS');
    expect((await step(first.token, EXPLAIN, { id: journey.id })).data?.status).toBe('IN_PROGRESS');
    const content = Buffer.from('兹证明该员工已于2026年8月离职。');
    const attached = await step(first.token, ATTACH, { id: journey.id, content: content.toString('base64') });
    expect(attached.data?.attachments).toEqual([
      {
        fileName: '离职证明.txt',
        sha256: createHash('sha256').update(content).digest('hex'),
        sizeBytes: content.length,
      },
    ]);
  });

  it('is decided, in time, and open to a 复查 for 15 working days past the National Day holiday', async () => {
    const decided = await step(first.token, DECIDE, {
      id: journey.id,
      input: { outcome: 'CONFIRMED', action: 'STOP', note: '工资收入属实' },
    });
    expect(decided.data).toMatchObject({
      status: 'DECIDED',
      outcome: 'CONFIRMED',
      action: 'STOP',
      decidedInTime: true,
      appealableUntil: '2026-10-23',
    });
  });

  it('cannot be closed while the household may still ask for a review', async () => {
    const refused = await step(first.token, CLOSE, { id: journey.id });
    expect(codeOf(refused.errors)).toEqual([['CONFLICT', 'APPEAL_WINDOW_OPEN']]);
  });

  it('is appealed with new evidence, and the review gets its own deadline', async () => {
    clock.now = new Date('2026-10-09T02:00:00Z');
    const appealed = await step(first.token, APPEAL, { id: journey.id });
    // From Friday 10-09, 15 working days: the adjusted Saturday 10-10 counts, the Sundays do not.
    expect(appealed.data).toMatchObject({ status: 'APPEALED', dueOn: '2026-10-29' });
  });

  it('refuses the review’s decision from the officer who made the first, and takes another’s', async () => {
    const input = { outcome: 'DISMISSED', dismissalReason: 'EXPLAINED_WITH_EVIDENCE', note: '离职属实' };
    const refused = await step(first.token, DECIDE_APPEAL, { id: journey.id, input });
    expect(codeOf(refused.errors)).toEqual([['CONFLICT', 'SAME_OFFICER_APPEAL']]);
    const decided = await step(second.token, DECIDE_APPEAL, { id: journey.id, input });
    expect(decided.data).toMatchObject({
      status: 'DECIDED',
      outcome: 'DISMISSED',
      action: null,
      appealableUntil: null,
    });
  });

  it('is reviewed once only, then closed, its timeline naming every step and who took it', async () => {
    const again = await step(first.token, APPEAL, { id: journey.id });
    expect(codeOf(again.errors)).toEqual([['CONFLICT', 'ALREADY_APPEALED']]);
    const closed = await step(second.token, CLOSE, { id: journey.id });
    expect(closed.data?.status).toBe('CLOSED');
    const events = closed.data?.events as { type: string; actorName: string }[];
    expect(events.map((event) => [event.type, event.actorName])).toEqual([
      ['OPENED', 'hub'],
      ['ASSIGNED', first.user.username],
      ['VISIT_RECORDED', first.user.username],
      ['EXPLANATION_RECORDED', first.user.username],
      ['ATTACHMENT_ADDED', first.user.username],
      ['DECIDED', first.user.username],
      ['APPEALED', first.user.username],
      ['APPEAL_DECIDED', second.user.username],
      ['CLOSED', second.user.username],
    ]);
    const refused = await step(first.token, VISIT, { id: journey.id });
    expect(codeOf(refused.errors)).toEqual([['CONFLICT', 'INVALID_TRANSITION']]);
  });
});

describe('the appeal window', () => {
  it('refuses a 复查 asked for after the window, and lets the case close', async () => {
    clock.now = new Date('2026-09-28T02:00:00Z');
    const { case: found } = await open();
    await step(first.token, VISIT, { id: found.id });
    await step(first.token, DECIDE, {
      id: found.id,
      input: { outcome: 'DISMISSED', dismissalReason: 'OTHER', note: '数据重复' },
    });
    clock.now = new Date('2026-10-26T02:00:00Z');
    const refused = await step(first.token, APPEAL, { id: found.id });
    expect(codeOf(refused.errors)).toEqual([['CONFLICT', 'APPEAL_WINDOW_CLOSED']]);
    expect((await step(first.token, CLOSE, { id: found.id })).data?.status).toBe('CLOSED');
  });

  it('asks a dismissal for OTHER reasons to say which', async () => {
    const { case: found } = await open();
    await step(first.token, VISIT, { id: found.id });
    const refused = await step(first.token, DECIDE, {
      id: found.id,
      input: { outcome: 'DISMISSED', dismissalReason: 'OTHER' },
    });
    expect(codeOf(refused.errors)).toEqual([['BAD_USER_INPUT', 'BLANK_VALUE']]);
  });
});

describe('reach', () => {
  const LIST = `query ($filter: DiscrepancyCaseFilter) {
    discrepancyCases(filter: $filter, first: 50) { totalCount edges { node { id overdue } } } }`;
  const mine = { id: '', overdueId: '' };
  beforeAll(async () => {
    clock.now = new Date('2026-10-26T02:00:00Z');
    mine.id = (
      await createDiscrepancyCase(hub.prisma, {
        townshipCode: township.code,
        dueOn: '2026-10-28',
        assigneeId: second.user.id,
      })
    ).case.id;
    mine.overdueId = (await open('2026-10-20')).case.id;
  });

  it('shows an officer of another township nothing, and refuses its steps as if the case did not exist', async () => {
    const list = await hub.graphql<{ discrepancyCases: { totalCount: number } }>(LIST, { token: elsewhere.token });
    expect(list.data?.discrepancyCases.totalCount).toBe(0);
    const one = await hub.graphql(ONE, { token: elsewhere.token, variables: { id: mine.id } });
    expect(one.data).toEqual({ discrepancyCase: null });
    const refused = await step(elsewhere.token, VISIT, { id: mine.id });
    const missing = await step(elsewhere.token, VISIT, { id: '00000000-0000-4000-8000-000000000000' });
    expect(codeOf(refused.errors)).toEqual([['NOT_FOUND', undefined]]);
    expect(refused.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  it('lets the county bureau see its townships’ cases, and refuses an auditor', async () => {
    const county = await hub.graphql<{ discrepancyCases: { totalCount: number } }>(LIST, {
      token: countyOfficer.token,
    });
    const own = await hub.graphql<{ discrepancyCases: { totalCount: number } }>(LIST, { token: first.token });
    expect(county.data?.discrepancyCases.totalCount).toBe(own.data?.discrepancyCases.totalCount);
    expect(own.data?.discrepancyCases.totalCount).toBeGreaterThanOrEqual(5);
    const refused = await hub.graphql(LIST, { token: auditor.token });
    expect(codeOf(refused.errors)).toEqual([['FORBIDDEN', undefined]]);
  });

  it('filters an office’s inbox: mine, overdue, due within days', async () => {
    const ids = async (filter: Record<string, unknown>, token = first.token) => {
      const answer = await hub.graphql<{ discrepancyCases: { edges: { node: { id: string } }[] } }>(LIST, {
        token,
        variables: { filter },
      });
      expect(answer.errors).toBeUndefined();
      return answer.data?.discrepancyCases.edges.map((edge) => edge.node.id) ?? [];
    };
    expect(await ids({ mine: true }, second.token)).toEqual([mine.id]);
    expect(await ids({ overdue: true })).toContain(mine.overdueId);
    expect(await ids({ overdue: true })).not.toContain(mine.id);
    expect(await ids({ dueWithinDays: 3 })).toEqual([mine.id]);
    expect(await ids({ status: 'CLOSED' })).toHaveLength(2);
  });

  it('counts open, overdue and resolved-in-time cases per office and per flag', async () => {
    const answer = await hub.graphql<{ discrepancyCaseFigures: Record<string, unknown>[] }>(
      '{ discrepancyCaseFigures(by: OFFICE) { key open overdue resolved resolvedInTime resolvedInTimeRate } }',
      { token: countyOfficer.token },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.discrepancyCaseFigures).toEqual([
      // Open: one in progress past its due date, one overdue, one due on 10-28; resolved: the two closed ones.
      { key: township.code, open: 3, overdue: 2, resolved: 2, resolvedInTime: 2, resolvedInTimeRate: 1 },
    ]);
    const byFlag = await hub.graphql<{ discrepancyCaseFigures: { key: string; open: number }[] }>(
      '{ discrepancyCaseFigures(by: FLAG) { key open } }',
      { token: first.token },
    );
    expect(byFlag.data?.discrepancyCaseFigures).toEqual([{ key: 'INCOME_ABOVE_STANDARD', open: 3 }]);
  });
});

describe('the CSV export', () => {
  it('lists the office’s cases under Chinese headers and labels, money in yuan, identity numbers masked', async () => {
    const { head } = await open('2026-11-30');
    const response = await fetch(`${hub.url}/discrepancy-cases.csv?status=OPEN`, {
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['案件编号', '乡镇/街道', '户主', '户主身份证号']);
    expect(header).toContain('人均月收入（元）');
    const row = rows.find((line) => line.includes(`${head.idNumber.slice(0, 6)}********${head.idNumber.slice(-4)}`));
    expect(row).toBeDefined();
    expect(text).not.toContain(head.idNumber);
    expect(row).toContain('300.00');
    // Flags, kind and status as the portal words them, never as codes.
    expect(rows.every((line) => line.includes(',待办理,'))).toBe(true);
    expect(row).toContain('收入超标');
    expect(text).not.toMatch(/INCOME_ABOVE_STANDARD|PERIODIC_REVIEW|,OPEN,/);
  });

  it('narrows the export as the portal’s inbox does: mine, overdue, due this week, and one flag', async () => {
    clock.now = new Date('2026-09-28T02:00:00Z');
    const masked = (head: { idNumber: string }) => `${head.idNumber.slice(0, 6)}********${head.idNumber.slice(-4)}`;
    const overdue = await open('2026-09-25');
    const thisWeek = await createDiscrepancyCase(hub.prisma, {
      townshipCode: township.code,
      dueOn: '2026-10-02',
      flags: ['NON_EXEMPT_VEHICLE'],
    });
    const later = await createDiscrepancyCase(hub.prisma, {
      townshipCode: township.code,
      dueOn: '2026-12-30',
      assigneeId: second.user.id,
    });
    const exported = async (query: string) => {
      const response = await fetch(`${hub.url}/discrepancy-cases.csv?${query}`, {
        headers: { authorization: `Bearer ${second.token}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const shown = (text: string) => [overdue, thisWeek, later].map(({ head }) => text.includes(masked(head)));
    expect(shown(await exported('inbox=OVERDUE'))).toEqual([true, false, false]);
    expect(shown(await exported('inbox=DUE_THIS_WEEK'))).toEqual([false, true, false]);
    expect(shown(await exported('inbox=MINE'))).toEqual([false, false, true]);
    expect(shown(await exported('inbox=OFFICE&flag=NON_EXEMPT_VEHICLE'))).toEqual([false, true, false]);
    const refused = await fetch(`${hub.url}/discrepancy-cases.csv?inbox=EVERYONE`, {
      headers: { authorization: `Bearer ${second.token}` },
    });
    expect(refused.status).toBe(400);
  });

  it('shows an officer of another township no case, and refuses an auditor', async () => {
    const other = await fetch(`${hub.url}/discrepancy-cases.csv`, {
      headers: { authorization: `Bearer ${elsewhere.token}` },
    });
    expect((await other.text()).trim().split('\n')).toHaveLength(1);
    const refused = await fetch(`${hub.url}/discrepancy-cases.csv`, {
      headers: { authorization: `Bearer ${auditor.token}` },
    });
    expect(refused.status).toBe(403);
  });
});
