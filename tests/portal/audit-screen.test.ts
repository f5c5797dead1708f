import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import { ensureAdministrator } from '@hub/server/identity/ensure-administrator';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChinaTime, toChinaWallClock } from '../../admin/src/china-time.ts';
import { auditEntryDraft } from '../factories/audit-entries.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { chromiumAvailable, launchBrowser, logIn, screenshot } from './portal-browser.ts';
import { CENTRE } from './portal-world.ts';

const ADMIN_PASSWORD = 'audit screen admin password 1';
const HOUSING = 'HOUSING_640100';
const HOUSING_CLIENT = 'hc_housing_audit_screen';
const STORED_PREFIXES = ['RaStore.AuditEntry.', 'RaStore.AuditRequest.'];

interface AuditRequestNode {
  requestId: string;
  occurredAt: string;
  actorName: string;
  department: { id: string; name: string } | null;
  operation: string;
  decision: string;
  entryCount: number;
}

interface AuditRequestsAnswer {
  filter: Record<string, unknown>;
  totalCount: number;
  nodes: AuditRequestNode[];
}

// Issue 16 point 7 and issue 13: the audit log as an auditor uses it, in Chromium against the real hub. The browser
// runs in New York's zone, so times shown and typed in China Standard Time cannot come from the browser's clock.
describe.runIf(chromiumAvailable())('the audit screen, in a real browser against the real hub', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let prisma: PrismaClient;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let subject: { idNumber: string };
  let stranger: { idNumber: string };
  let housingId: string;
  const verification = randomUUID();
  const partnerCheck = randomUUID();
  const requestUrls: string[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    await seedDatabase(database.url, { persons: 100, seed: 16 });
    prisma = createPrismaClient(database.url, { maxConnections: 2 });
    await ensureAdministrator(prisma, {
      username: 'admin',
      password: ADMIN_PASSWORD,
      displayName: '系统管理员',
      departmentCode: CENTRE,
    });
    const centre = await prisma.department.findUniqueOrThrow({ where: { code: CENTRE } });
    const housing = await prisma.department.findUniqueOrThrow({ where: { code: HOUSING } });
    housingId = housing.id;
    const [first, second] = await prisma.person.findMany({
      where: { householdId: { not: null } },
      orderBy: { idNumber: 'asc' },
      take: 2,
      select: { id: true, idNumber: true, householdId: true },
    });
    if (!first || !second) throw new Error('the seed has no persons in households');
    subject = first;
    stranger = second;
    // A centre officer's verification of one person (three entries, one partly refused) and a partner system's
    // refused check on another, whose operation the portal has no label for.
    const writer = createAuditWriter(database.url);
    const officer = { actorName: 'officer.ma', departmentId: centre.id, purpose: 'MINIMUM_LIVING_GUARANTEE' as const };
    await writer.write([
      auditEntryDraft({
        ...officer,
        requestId: verification,
        operation: 'PersonVerification',
        subjectPersonId: first.id,
        itemsDisclosed: ['HUKOU'],
      }),
      auditEntryDraft({
        ...officer,
        requestId: verification,
        operation: 'PersonVerification',
        subjectPersonId: first.id,
        itemsDisclosed: ['MARRIAGE'],
        itemsDenied: ['BANK_DEPOSITS'],
        decision: 'PARTIAL',
        reason: 'BANK_DEPOSITS:NO_AGREEMENT',
      }),
      auditEntryDraft({
        ...officer,
        requestId: verification,
        operation: 'PersonVerification',
        subjectHouseholdId: first.householdId,
        itemsDisclosed: ['HUKOU'],
      }),
    ]);
    await writer.write([
      auditEntryDraft({
        actorKind: 'API_CLIENT',
        actorName: HOUSING_CLIENT,
        departmentId: housing.id,
        purpose: 'HOUSING_SUBSIDY',
        requestId: partnerCheck,
        operation: 'HousingSubsidyCheck',
        subjectPersonId: second.id,
        itemsDenied: ['VEHICLES'],
        decision: 'DENIED',
        reason: 'VEHICLES:NO_AGREEMENT',
      }),
    ]);
    await writer.close();
    hub = await startTestApp(database.url);
    browser = await launchBrowser({ timezoneId: 'America/New_York' });
    page = browser.page;
    page.on('request', (request) => requestUrls.push(request.url()));
    await logIn(page, hub.url, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
  });

  /** The hub's answer to the screen's next AuditRequests query whose filter passes `matches`, once `act` ran. */
  async function answerTo(
    act: () => Promise<unknown>,
    matches: (filter: Record<string, unknown>) => boolean,
  ): Promise<AuditRequestsAnswer> {
    const isIt = (response: Response) => {
      if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return false;
      const body = response.request().postDataJSON();
      return body?.operationName === 'AuditRequests' && matches(body.variables?.filter ?? {});
    };
    const waiting = page.waitForResponse(isIt);
    await act();
    const response = await waiting;
    const answer = await response.json();
    expect(answer.errors).toBeUndefined();
    return {
      filter: response.request().postDataJSON().variables.filter,
      totalCount: answer.data.auditRequests.totalCount,
      nodes: answer.data.auditRequests.edges.map((edge: { node: AuditRequestNode }) => edge.node),
    };
  }

  /** Opens the audit log with no filter kept from before. */
  async function openAuditLog(): Promise<AuditRequestsAnswer> {
    await page.goto(`${hub.url}/#/`);
    // The list's stored filter and its expanded rows (request ids only: the store holds no identity number).
    await page.evaluate(`for (const key of Object.keys(localStorage))
      if (${JSON.stringify(STORED_PREFIXES)}.some((prefix) => key.startsWith(prefix))) localStorage.removeItem(key)`);
    return answerTo(
      () => page.goto(`${hub.url}/#/AuditEntry`),
      (filter) => Object.values(filter).every((value) => value === undefined || value === null),
    );
  }

  const rowOf = (text: string) => page.locator('tbody tr').filter({ hasText: text }).first();

  it('hides the bookkeeping by default and shows it on the toggle', async () => {
    const plain = await openAuditLog();
    const operations = plain.nodes.map((node) => node.operation);
    expect(operations).toEqual(expect.arrayContaining(['PersonVerification', 'HousingSubsidyCheck']));
    expect(operations).not.toContain('IntrospectionQuery');
    expect(operations).not.toContain('LogIn');
    await rowOf('查询人员核对信息').waitFor();
    await expect(page.getByText('读取接口结构（内省）').count()).resolves.toBe(0);
    await expect(page.getByText('PersonVerification', { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'audit-01-requests');

    const toggle = page.getByLabel('显示例行请求（内省、刷新等）');
    const all = await answerTo(
      () => toggle.check(),
      (filter) => filter.includeBookkeeping === true,
    );
    expect(all.nodes.map((node) => node.operation)).toEqual(expect.arrayContaining(['IntrospectionQuery', 'LogIn']));
    expect(all.totalCount).toBeGreaterThan(plain.totalCount);
    await rowOf('读取接口结构（内省）').waitFor();
    await rowOf('登录').waitFor();
    await screenshot(page, 'audit-02-with-bookkeeping');
    await answerTo(
      () => toggle.uncheck(),
      (filter) => filter.includeBookkeeping === undefined,
    );
    await rowOf('读取接口结构（内省）').waitFor({ state: 'detached' });
  });

  it('narrows by decision, data item (by its Chinese name), actor and department on the hub', async () => {
    await openAuditLog();
    const denied = await answerTo(
      async () => {
        await page.getByLabel('结果').click();
        await page.getByRole('option', { name: '拒绝', exact: true }).click();
      },
      (filter) => filter.decision === 'DENIED',
    );
    expect(denied.nodes.map((node) => [node.operation, node.decision])).toEqual([['HousingSubsidyCheck', 'DENIED']]);
    await rowOf('HousingSubsidyCheck').waitFor();
    await rowOf('查询人员核对信息').waitFor({ state: 'detached' });

    await openAuditLog();
    const bankDeposits = await answerTo(
      async () => {
        await page.getByLabel('数据项').fill('银行');
        await page.getByRole('option', { name: '银行存款' }).click();
      },
      (filter) => filter.itemCode === 'BANK_DEPOSITS',
    );
    // Only the one entry of the verification that concerned bank deposits.
    expect(bankDeposits.nodes.map((node) => [node.requestId, node.entryCount, node.decision])).toEqual([
      [verification, 1, 'PARTIAL'],
    ]);
    await rowOf('查询人员核对信息').getByText('部分允许').waitFor();
    await screenshot(page, 'audit-03-by-data-item');

    await openAuditLog();
    const byActor = await answerTo(
      () => page.getByLabel('身份').fill(HOUSING_CLIENT),
      (filter) => filter.actorName === HOUSING_CLIENT,
    );
    expect(byActor.nodes.map((node) => node.requestId)).toEqual([partnerCheck]);

    await openAuditLog();
    const byDepartment = await answerTo(
      async () => {
        await page.getByLabel('部门').click();
        await page.getByRole('option', { name: '银川市住房和城乡建设局' }).click();
      },
      (filter) => filter.departmentId === housingId,
    );
    expect(byDepartment.nodes.map((node) => node.requestId)).toEqual([partnerCheck]);
    await rowOf('HousingSubsidyCheck').waitFor();
  });

  it('takes and shows times in China Standard Time, whatever the browser’s zone', async () => {
    const everything = await openAuditLog();
    const newest = everything.nodes[0];
    if (!newest) throw new Error('no requests listed');
    // The browser is in New York: its own clock would show the time 13 hours earlier.
    await page.locator('tbody tr').first().getByText(formatChinaTime(newest.occurredAt)).waitFor();

    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const wallClock = toChinaWallClock(twoHoursAgo);
    const minute = new Date(`${wallClock}:00+08:00`).toISOString();
    const before = await answerTo(
      // Typed as people write it, in the UI's format (not the browser's own mm/dd/yyyy, AM/PM picker).
      () => page.getByLabel('截止时间').fill(wallClock.replace('T', ' ')),
      (filter) => filter.occurredTo === minute,
    );
    expect(before.totalCount).toBe(0);
    await expect(page.getByLabel('截止时间').getAttribute('placeholder')).resolves.toBe('年-月-日 时:分');
    await rowOf('查询人员核对信息').waitFor({ state: 'detached' });

    await openAuditLog();
    const since = await answerTo(
      () => page.getByLabel('起始时间').fill(wallClock.replace('T', ' ')),
      (filter) => filter.occurredFrom === minute,
    );
    expect(since.totalCount).toBe(everything.totalCount);
    expect(since.nodes.every((node) => new Date(node.occurredAt) >= twoHoursAgo)).toBe(true);
    await screenshot(page, 'audit-04-time-range');
  });

  it('finds who saw a person by their identity number, which never reaches the URL, the history or storage', async () => {
    await openAuditLog();
    const seen = await answerTo(
      () => page.getByTestId('audit-subject').fill(subject.idNumber),
      (filter) => filter.subjectIdNumber === subject.idNumber,
    );
    const requestIds = seen.nodes.map((node) => node.requestId);
    expect(requestIds).toContain(verification);
    expect(requestIds).not.toContain(partnerCheck);
    await rowOf('查询人员核对信息').waitFor();
    // Its entries, read when the row opens, are about this person too.
    await rowOf('查询人员核对信息').click();
    const entries = page.getByTestId('request-entries');
    await entries.getByText('户籍信息').first().waitFor();
    await screenshot(page, 'audit-05-subject');

    expect(page.url()).not.toContain(subject.idNumber);
    const cdp = await page.context().newCDPSession(page);
    const history = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] };
    await cdp.detach();
    expect(history.entries.length).toBeGreaterThan(0);
    expect(history.entries.filter((entry) => entry.url.includes(subject.idNumber))).toEqual([]);
    expect(requestUrls.filter((url) => url.includes(subject.idNumber))).toEqual([]);
    const storage = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
    expect(storage).toContain('AuditEntry.listParams');
    expect(storage).not.toContain(subject.idNumber);
    expect(storage).not.toContain(stranger.idNumber);
  });

  it('forgets an identity number that an earlier version of the screen kept in the stored filter', async () => {
    await openAuditLog();
    await page.goto(`${hub.url}/#/`);
    const legacy = JSON.stringify({ filter: { subjectIdNumber: stranger.idNumber }, page: 1, perPage: 25 });
    await page.evaluate(`localStorage.setItem('RaStore.AuditEntry.listParams', ${JSON.stringify(legacy)})`);
    const answer = await answerTo(
      () => page.goto(`${hub.url}/#/AuditEntry`),
      () => true,
    );
    expect(answer.filter.subjectIdNumber).toBeUndefined();
    expect(answer.nodes.map((node) => node.requestId)).toContain(verification);
    const storage = await page.evaluate<string>('JSON.stringify({ ...localStorage })');
    expect(storage).not.toContain(stranger.idNumber);
  });

  it('expands a request into its entries, with data items by name and denials explained', async () => {
    await openAuditLog();
    await rowOf('查询人员核对信息').click();
    const entries = page.getByTestId('request-entries');
    await entries.locator(`[data-request-id="${verification}"]`).waitFor();
    await entries.getByText('银行存款').first().waitFor();
    await entries.getByText('婚姻登记').first().waitFor();
    await expect(entries.locator('tbody tr').count()).resolves.toBe(3);
    // An entry opens in full: its denial reason in words.
    await entries.locator('tbody tr').filter({ hasText: '银行存款' }).first().click();
    await entries.getByText('银行存款 · 无生效协议').waitFor();
    await screenshot(page, 'audit-06-request-expanded');
  });

  it('labels operations in Chinese and English, and keeps an unknown one as recorded', async () => {
    await openAuditLog();
    await rowOf('查询人员核对信息').waitFor();
    await rowOf('HousingSubsidyCheck').waitFor();
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await rowOf('Person verification look-up').waitFor();
    await rowOf('HousingSubsidyCheck').waitFor();
    await expect(page.locator('header').first().textContent()).resolves.toContain('Audit log');
    await expect(page.locator('header').first().textContent()).resolves.not.toContain('||||');
    const toggle = page.getByLabel('Show bookkeeping (introspection, refreshes)');
    await answerTo(
      () => toggle.check(),
      (filter) => filter.includeBookkeeping === true,
    );
    // The screen's own reads are bookkeeping: the data item catalogue its item filter loads is one of them.
    await rowOf('Data item catalogue').waitFor();
    await screenshot(page, 'audit-07-english');
    await answerTo(
      () => toggle.uncheck(),
      (filter) => filter.includeBookkeeping === undefined,
    );
    await rowOf('Data item catalogue').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await rowOf('查询人员核对信息').waitFor();
  });
});
