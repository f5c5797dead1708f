import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PrismaClient } from '@hub/prisma';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { CHROMIUM, chromiumAvailable, screenshot } from './portal-browser.ts';
import { seedPortalWorld } from './portal-world.ts';

const PASSWORD = 'case screens password 1';
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
// The demo city's 住房和城乡建设局 (prisma/src/synthetic/demo-departments.ts), which gives housing help.
const HOUSING_BUREAU = '银川市住房和城乡建设局';
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

// What each language shows for the steps and states the journey passes through.
const WORDS = {
  'zh-CN': {
    welcome: '欢迎',
    inbox: '本办公室',
    mine: '我的',
    status: { OPEN: '待办理', IN_PROGRESS: '办理中', DECIDED: '已认定', APPEALED: '复查中', CLOSED: '已结案' },
    steps: {
      ASSIGN: '指派经办人',
      RECORD_VISIT: '记录入户核查',
      ATTACH: '上传附件',
      DECIDE: '作出认定',
      APPEAL: '登记复查申请',
      DECIDE_APPEAL: '复查认定',
      CLOSE: '结案',
    },
    action: /处理措施/,
    reduce: '减发',
    stop: '停发',
    sameOfficer: '复查须由原认定人以外的工作人员作出',
    department: /转介部门/,
    need: /需要的帮扶/,
    housing: '住房救助',
    events: ['立案', '指派', '入户核查', '上传附件', '认定', '转介', '申请复查', '复查认定', '结案'],
  },
  en: {
    welcome: 'Welcome',
    inbox: 'My office',
    mine: 'Mine',
    status: {
      OPEN: 'Open',
      IN_PROGRESS: 'In progress',
      DECIDED: 'Decided',
      APPEALED: 'Under appeal',
      CLOSED: 'Closed',
    },
    steps: {
      ASSIGN: 'Assign',
      RECORD_VISIT: 'Record home visit',
      ATTACH: 'Attach file',
      DECIDE: 'Decide',
      APPEAL: 'Record appeal',
      DECIDE_APPEAL: 'Decide appeal',
      CLOSE: 'Close',
    },
    action: /Action/,
    reduce: 'Reduce benefits',
    stop: 'Stop benefits',
    sameOfficer: 'An appeal is decided by an officer other than the one who made the first decision',
    department: /Department/,
    need: /Help needed/,
    housing: 'Housing',
    events: [
      'Opened',
      'Assigned',
      'Home visit',
      'File attached',
      'Decided',
      'Referred',
      'Appealed',
      'Appeal decided',
      'Closed',
    ],
  },
} as const;

type Language = keyof typeof WORDS;

/**
 * Issue 19's browser test: a case opened by a periodic review's flag, worked in the portal through a home visit, a
 * file, a decision (CONFIRMED), a referral (转介) to the housing bureau, and a 复查 that its first decider may not
 * decide (the refusal shown in the reader's language) and a second officer does, to closure — in both languages, at
 * desktop and phone width.
 */
describe.runIf(chromiumAvailable())('the discrepancy-case screens (issue 19), in a real browser', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let prisma: PrismaClient;
  let pool: pg.Pool;
  let browser: Browser;
  let caseIds: string[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    const world = await seedPortalWorld(database.url, { persons: 300, seed: 19, adminPassword: PASSWORD });
    prisma = world.prisma;
    const { asOf, centre } = world;
    for (const username of ['officer1', 'officer2']) {
      await createUser(prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id, username, password: PASSWORD });
    }
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const run = await startComparisonRun(pool, {
      kind: 'PERIODIC_REVIEW',
      regionCode: '640100',
      asOf,
      householdIds: null,
      chunkSize: null,
    });
    await runComparison(pool, run.id);
    const opened = await prisma.discrepancyCase.findMany({
      where: { openedByRunId: run.id, status: 'OPEN' },
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    // One case per language and width, each walked from its flag to its closure.
    expect(opened.length).toBeGreaterThanOrEqual(4);
    caseIds = opened.slice(-4).map((found) => found.id);
    hub = await startTestApp(database.url);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
    await pool?.end();
  });

  async function signIn(
    username: string,
    language: Language,
    viewport: { width: number; height: number } = SIZES[0],
  ): Promise<{ context: BrowserContext; page: Page }> {
    // A context of its own per width, as a phone would open the portal (not a desktop window narrowed).
    const context = await browser.newContext({ locale: 'zh-CN', viewport, acceptDownloads: true });
    // The language chosen in the app bar is kept in react-admin's store: the same, set before the portal starts.
    await context.addInitScript(`localStorage.setItem('RaStore.locale', ${JSON.stringify(JSON.stringify(language))})`);
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    await page.goto(`${hub.url}/#/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: /登录|Sign in/ }).click();
    await page.getByText(WORDS[language].welcome).first().waitFor();
    return { context, page };
  }

  /** Document wider than the screen: a phone would scroll sideways. */
  const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

  async function openCase(page: Page, id: string) {
    await page.goto(`${hub.url}/#/DiscrepancyCase/${id}/show`);
    await page.getByTestId('case-summary').waitFor();
  }

  /** The inbox's rows: a table's on a desktop, a list's entries on a phone. */
  const rows = (page: Page, size: string) =>
    page.locator(size === 'phone' ? 'main li a[href$="/show"]' : 'main tbody tr');

  const assignedTo = (username: string) => prisma.discrepancyCase.count({ where: { assignee: { username } } });

  const statusIs = (page: Page, text: string) => page.getByTestId('case-status').filter({ hasText: text }).waitFor();

  /** Opens a step's dialog, lets `fill` fill it, and submits it; the dialog closes when the hub has taken it. */
  async function takeStep(page: Page, step: string, fill: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>) {
    await page.locator(`[data-testid="case-actions"] button[data-step="${step}"]`).click();
    const dialog = page.getByTestId('case-step-dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByTestId('case-step-submit').click();
  }

  async function chooseAction(page: Page, language: Language, action: string) {
    const dialog = page.getByTestId('case-step-dialog');
    await dialog.getByRole('combobox', { name: WORDS[language].action }).click();
    await page.getByRole('option', { name: action, exact: true }).click();
  }

  // Each language at each width is a journey of its own, with its own case; on a machine at load 40 one takes minutes.
  for (const language of ['zh-CN', 'en'] as const) {
    for (const [index, size] of SIZES.entries()) {
      it(`takes a periodic review's case from its flag to closure, in ${language}, ${size.name}`, {
        timeout: 900_000,
      }, async () => {
        const words = WORDS[language];
        const first = await signIn('officer1', language, size);
        const second = await signIn('officer2', language, size);
        try {
          const id = caseIds[(language === 'en' ? 2 : 0) + index] as string;
          const where = `${language}-${size.name}`;

          // The inbox: the office's cases, each by its head's name and region, never by an id.
          const page = first.page;
          await page.goto(`${hub.url}/#/DiscrepancyCase`);
          await page.getByRole('tab', { name: words.inbox }).waitFor();
          await rows(page, size.name).first().waitFor();
          expect(await page.locator('main').textContent()).not.toMatch(UUID);
          expect(await overflow(page), `${where}: the inbox scrolls sideways`).toBeLessThanOrEqual(0);

          await openCase(page, id);
          await statusIs(page, words.status.OPEN);
          await takeStep(page, 'ASSIGN', async () => {});
          await page.getByTestId('case-timeline').getByText(words.events[1], { exact: true }).waitFor();

          // Assigned to officer 1, the case is in their own inbox.
          await page.goto(`${hub.url}/#/DiscrepancyCase`);
          await page.getByRole('tab', { name: words.mine }).click();
          const mine = await assignedTo('officer1');
          await expect.poll(() => rows(page, size.name).count(), { timeout: 90_000 }).toBe(mine);
          await openCase(page, id);

          await takeStep(page, 'RECORD_VISIT', async (dialog) => {
            await dialog.locator('textarea[name="notes"]').fill('户主在家，车辆为经营用车');
          });
          await statusIs(page, words.status.IN_PROGRESS);

          const content = Buffer.from(`入户核查照片说明 ${where}`);
          await takeStep(page, 'ATTACH', async (dialog) => {
            await dialog
              .locator('input[type="file"]')
              .setInputFiles({ name: `visit-${where}.txt`, mimeType: 'text/plain', buffer: content });
          });
          const sha256 = createHash('sha256').update(content).digest('hex');
          await page.getByTestId('case-attachments').getByText(sha256).waitFor();

          await takeStep(page, 'DECIDE', () => chooseAction(page, language, words.stop));
          await statusIs(page, words.status.DECIDED);

          // 转介: the household also needs housing help, which the city's housing bureau gives.
          await takeStep(page, 'REFER', async (dialog) => {
            await dialog.getByRole('combobox', { name: words.department }).click();
            await page.getByRole('option', { name: HOUSING_BUREAU, exact: true }).click();
            await dialog.getByRole('combobox', { name: words.need }).click();
            await page.getByRole('option', { name: words.housing, exact: true }).click();
            await page.keyboard.press('Escape');
            await dialog.locator('textarea[name="reason"]').fill('住房困难，需申请公租房');
          });
          await page.getByTestId('case-timeline').getByText(words.events[5], { exact: true }).waitFor();
          expect(
            await prisma.caseReferral.findMany({ where: { caseId: id }, select: { needs: true, status: true } }),
          ).toEqual([{ needs: ['HOUSING'], status: 'REFERRED' }]);

          await takeStep(page, 'APPEAL', async (dialog) => {
            await dialog.locator('textarea[name="evidence"]').fill('车辆已于上月转让，附转让合同');
          });
          await statusIs(page, words.status.APPEALED);

          // The first decider may not decide the 复查: the hub refuses, and the portal says why in the reader's language.
          await takeStep(page, 'DECIDE_APPEAL', () => chooseAction(page, language, words.reduce));
          await page.getByTestId('case-step-refusal').filter({ hasText: words.sameOfficer }).waitFor();
          // The refusal has the keyboard's focus (the submit button lost it while disabled), so Escape closes the dialog.
          expect(await page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('case-step-refusal');
          if (size.name === 'phone') {
            expect(await overflow(page), `${where}: the refusal scrolls sideways`).toBeLessThanOrEqual(0);
          }
          await screenshot(page, `cases-${where}-refused`);
          await page.keyboard.press('Escape');
          await page.getByTestId('case-step-dialog').waitFor({ state: 'detached' });

          // A second officer of the same office decides it, and closes the case.
          const other = second.page;
          await openCase(other, id);
          await statusIs(other, words.status.APPEALED);
          await takeStep(other, 'DECIDE_APPEAL', () => chooseAction(other, language, words.reduce));
          await statusIs(other, words.status.DECIDED);
          await takeStep(other, 'CLOSE', async () => {});
          await statusIs(other, words.status.CLOSED);
          await other.locator('[data-testid="case-actions"]').waitFor({ state: 'detached' });

          // The timeline tells the whole story in the reader's language.
          const timeline = other.getByTestId('case-timeline');
          for (const event of words.events) await timeline.getByText(event, { exact: true }).first().waitFor();
          expect(await other.locator('main').textContent()).not.toMatch(UUID);
          if (size.name === 'phone') {
            expect(await overflow(other), `${where}: the case scrolls sideways`).toBeLessThanOrEqual(0);
          }
          await screenshot(other, `cases-${where}-closed`);

          const closed = await prisma.discrepancyCase.findUniqueOrThrow({
            where: { id },
            select: { status: true, action: true, decidedById: true, appealDecidedById: true },
          });
          expect(closed).toMatchObject({ status: 'CLOSED', action: 'REDUCE' });
          expect(closed.appealDecidedById).not.toBe(closed.decidedById);
          if (size.name === 'phone') return;

          // The export follows the inbox's filter: the CSV of "mine" holds the cases officer 1 was assigned.
          await page.goto(`${hub.url}/#/DiscrepancyCase`);
          await page.getByRole('tab', { name: words.mine }).click();
          await page.locator('main tbody tr').first().waitFor();
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByTestId('case-export').click(),
          ]);
          const csv = readFileSync((await download.path()) as string, 'utf8');
          const lines = csv
            .replace(/^\uFEFF/, '')
            .trim()
            .split('\n');
          expect(lines[0]).toContain('案件编号');
          expect(lines).toHaveLength(1 + (await assignedTo('officer1')));
        } finally {
          await first.context.close();
          await second.context.close();
        }
      });
    }
  }

  it('shows the open, overdue and resolved-in-time figures per office and per flag on the dashboard', {
    timeout: 600_000,
  }, async () => {
    const { context, page } = await signIn('officer2', 'zh-CN');
    try {
      await page.getByTestId('case-figures-office').locator('.recharts-bar-rectangle').first().waitFor();
      await page.getByTestId('case-figures-flag').locator('.recharts-bar-rectangle').first().waitFor();
      // Offices by name, never by code (the names come from a second query: wait for the card to settle on them).
      await expect
        .poll(() => page.getByTestId('case-figures-office').textContent(), { timeout: 90_000 })
        .not.toMatch(/\b64\d{4,}\b/);
    } finally {
      await context.close();
    }
  });
});
