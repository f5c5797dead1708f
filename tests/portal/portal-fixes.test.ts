import { readFileSync } from 'node:fs';
import { createPrismaClient, type PrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import { ensureAdministrator } from '@hub/server/identity/ensure-administrator';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../factories/agreements.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { chromiumAvailable, launchBrowser, logIn, pickRegion, STEP_TIMEOUT_MS, screenshot } from './portal-browser.ts';
import { CENTRE } from './portal-world.ts';

const ADMIN_PASSWORD = 'portal fixes admin password 1';

describe.runIf(chromiumAvailable())('the portal’s fixes for a working day (issue 17), in a real browser', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let prisma: PrismaClient;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let pool: pg.Pool;
  let runId: string;
  let monitoringRunId: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const { asOf } = await seedDatabase(database.url, { persons: 600, seed: 17 });
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const completedRun = async (kind: 'PERIODIC_REVIEW' | 'POPULATION_MONITORING') => {
      const run = await startComparisonRun(pool, {
        kind,
        regionCode: '640100',
        asOf,
        householdIds: null,
        chunkSize: null,
      });
      await runComparison(pool, run.id);
      return run.id;
    };
    runId = await completedRun('PERIODIC_REVIEW');
    monitoringRunId = await completedRun('POPULATION_MONITORING');
    prisma = createPrismaClient(database.url, { maxConnections: 2 });
    await ensureAdministrator(prisma, {
      username: 'admin',
      password: ADMIN_PASSWORD,
      displayName: '系统管理员',
      departmentCode: CENTRE,
    });
    hub = await startTestApp(database.url);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
    await pool?.end();
  });

  /** Counts the page's navigations and Chromium's "Throttling navigation" warnings until `stop` is called. */
  function watchNavigations() {
    const navigations: string[] = [];
    const throttled: string[] = [];
    const onNavigated = (frame: { url(): string }) => navigations.push(frame.url());
    const onConsole = (message: { text(): string }) => {
      if (/throttling navigation/i.test(message.text())) throttled.push(message.text());
    };
    page.on('framenavigated', onNavigated);
    page.on('console', onConsole);
    return {
      async stop() {
        // Whatever the app does next happens within a frame or two: let it, then count.
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
        page.off('framenavigated', onNavigated);
        page.off('console', onConsole);
        return { navigations, throttled };
      },
    };
  }

  it('shows the login page at once when / is opened signed out, without a redirect loop', async () => {
    const watch = watchNavigations();
    await page.goto(`${hub.url}/`);
    await page.locator('input[name="username"]').waitFor({ timeout: 5_000 });
    const { navigations, throttled } = await watch.stop();
    expect(throttled).toEqual([]);
    expect(navigations.length, 'the page opened and one navigation to the login page').toBeLessThanOrEqual(2);
    expect(page.url()).toMatch(/#\/login$/);
  });

  it('sends the user to the login page when the hub rejects the session, and back to the same screen after logging in', async () => {
    await logIn(page, hub.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${hub.url}/#/Department`);
    await page.getByText('银川市公安局').first().waitFor();
    // The hub ends the session (as an expiry or an administrator would) while the tab still holds its token.
    const token = await page.evaluate<string>("JSON.parse(sessionStorage.getItem('hub.session')).token");
    const ended = await hub.graphql('mutation { logOut }', { token });
    expect(ended.errors ?? []).toEqual([]);
    const watch = watchNavigations();
    await page.goto(`${hub.url}/#/Household`);
    await page.locator('input[name="username"]').waitFor();
    const { navigations, throttled } = await watch.stop();
    expect(throttled).toEqual([]);
    expect(navigations.length, 'the page opened and one navigation to the login page').toBeLessThanOrEqual(2);
    await screenshot(page, 'fixes-01-session-expired');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录|Sign in/ }).click();
    await page.waitForURL(/#\/Household$/);
    await page.locator('tbody tr').first().waitFor();
  });

  /** The error texts the form shows under its fields, in order. */
  const fieldErrors = () => page.locator('.MuiFormHelperText-root.Mui-error').allTextContents();
  const untilBrowserStep = { timeout: STEP_TIMEOUT_MS };

  it('takes a standard in yuan with two decimals, refuses a malformed amount and asks before saving an implausible one', async () => {
    const saved = () => prisma.assistanceStandard.findMany({ where: { regionCode: '640104', year: 2031 } });
    await page.goto(`${hub.url}/#/AssistanceStandard/create`);
    await pickRegion(page, '地区', '兴庆区');
    await page.getByLabel('年度').fill('2031');
    const amount = page.getByLabel('低保标准（元/人·月）');
    await amount.fill('620.123');
    await page.getByRole('button', { name: '保存' }).click();
    // The amount's is the form's only error: the region, year and area type were taken.
    await expect.poll(fieldErrors, untilBrowserStep).toEqual(['请输入以元为单位的金额，最多两位小数']);

    // ¥6.20, as typing 620 used to save: the officer is asked, and cancelling saves nothing.
    await amount.fill('6.2');
    await expect.poll(fieldErrors, untilBrowserStep).toEqual([]);
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('请确认救助标准')
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe form showed: ${JSON.stringify(await fieldErrors())}`);
      });
    await expect(dialog.textContent()).resolves.toContain('¥6.20');
    await screenshot(page, 'fixes-02-implausible-standard');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(saved()).resolves.toEqual([]);

    await amount.fill('620');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/AssistanceStandard$/);
    const [standard] = await saved();
    expect(standard?.minimumLivingMonthlyFen).toBe(62_000);
    await page.getByLabel('年度').fill('2031');
    const row = page.locator('tbody tr', { hasText: '兴庆区' }).filter({ hasText: '2031' });
    await row.getByText('¥620.00').waitFor();
    await row.click();
    await expect(page.getByLabel('低保标准（元/人·月）').inputValue()).resolves.toBe('620.00');
    // The saved standard's region is named as it was picked, never shown as its bare code.
    const region = page.getByRole('combobox', { name: '地区' });
    await expect.poll(() => region.inputValue(), untilBrowserStep).toBe('兴庆区 (640104)');
    // Polled like the value: beside a second suite (d535811's pair) it once read enabled, not yet understood.
    await expect.poll(() => region.isDisabled(), untilBrowserStep).toBe(true);
  });

  it('exports the rows the results list shows under its filter, not the whole run', async () => {
    const flagged = await pool.query<{ household_id: string }>(
      `SELECT household_id::text FROM household_assessments
        WHERE run_id = $1 AND 'INCOME_ABOVE_STANDARD' = ANY (flags)`,
      [runId],
    );
    const all = await pool.query('SELECT 1 FROM household_assessments WHERE run_id = $1', [runId]);
    expect(flagged.rows.length).toBeGreaterThan(0);
    expect(flagged.rows.length).toBeLessThan(all.rows.length);
    await page.goto(`${hub.url}/#/ComparisonRun/${runId}/show/results`);
    await page.getByLabel('疑点').first().click();
    await page.getByRole('option', { name: '收入超标' }).click();
    const rows = page.locator('tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes('收入超标'))).toBe(true);
    await expect.poll(() => rows.count()).toBe(Math.min(flagged.rows.length, 25));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csv = readFileSync((await (await downloading).path()) as string, 'utf8');
    const exported = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
    expect(exported.map((row) => row.split(',')[0]).sort()).toEqual(flagged.rows.map((row) => row.household_id).sort());
  });

  it('records a consent and lists the person’s consents, with the identity number in neither the address nor the store', async () => {
    const { rows } = await pool.query<{ id_number: string }>(
      'SELECT id_number FROM persons ORDER BY id_number LIMIT 1',
    );
    const idNumber = rows[0]?.id_number ?? '';
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    const reference = `SQ-${Date.now()}`;
    const day = (offset: number) => daysFromToday(offset).toISOString().slice(0, 10);
    await logIn(page, hub.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${hub.url}/#/Consent/create`);
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('用途').click();
    await page.getByRole('option', { name: '最低生活保障' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('签署日期').fill(day(0));
    await page.getByLabel('有效期至').fill(day(365));
    await page.getByLabel('授权书编号').fill(reference);
    await page.getByRole('button', { name: '保存' }).click();
    // The list opens filtered to the person whose consent was just recorded.
    await page.waitForURL(/#\/Consent$/);
    await page.locator('tbody tr', { hasText: reference }).waitFor();
    const traces = () =>
      page.evaluate('JSON.stringify({ href: location.href, history: history.state, local: { ...localStorage } })');
    await expect(traces()).resolves.not.toContain(idNumber);

    // Typed into the filter, the number is looked up and still kept out of the address and the store.
    await page.goto(`${hub.url}/#/Consent`);
    const filter = page.getByLabel('身份证号');
    await filter.fill(idNumber);
    await page.locator('tbody tr', { hasText: reference }).waitFor();
    await expect(traces()).resolves.not.toContain(idNumber);
    expect(page.url()).not.toContain(idNumber.slice(6, 14));
  });
  it('opens a flag’s results from its bar in the run’s chart', async () => {
    await page.goto(`${hub.url}/#/ComparisonRun/${runId}/show`);
    const bar = page.locator('.recharts-bar-rectangle').first();
    await bar.waitFor();
    await bar.click();
    await page.waitForURL(/\/show\/results$/);
    const flag = await page.getByRole('combobox', { name: '疑点' }).textContent();
    expect(flag?.trim()).not.toBe('');
    const rows = page.locator('tbody tr');
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes(flag?.trim() ?? '?')))
      .toBe(true);
    await screenshot(page, 'fixes-03-chart-bar-filter');
  });

  it('calls the households a whole-population run could not classify unclassified, not households without members', async () => {
    // Most households signed no authorisation: their consent-bound records were not read (docs/comparisons.md).
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM household_assessments WHERE run_id = $1 AND classification IS NULL',
      [monitoringRunId],
    );
    const unclassified = rows[0]?.n ?? 0;
    expect(unclassified).toBeGreaterThan(0);
    await page.goto(`${hub.url}/#/ComparisonRun/${monitoringRunId}/show`);
    // The slices' labels: "未认定 121" beside the slice of households with no classification.
    await page.locator('main').getByText(`未认定 ${unclassified}`, { exact: true }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('无计入成员');
    await screenshot(page, 'fixes-05-monitoring-unclassified');
  });

  it('opens the consent form from a person’s page with their number filled in, kept out of the address', async () => {
    const { rows } = await pool.query<{ id_number: string }>(
      'SELECT id_number FROM persons ORDER BY id_number DESC LIMIT 1',
    );
    const idNumber = rows[0]?.id_number ?? '';
    await page.goto(`${hub.url}/#/Person`);
    await page.getByLabel('身份证号').fill(idNumber);
    await page.locator('tbody tr').first().click();
    await page.getByRole('button', { name: '为此人登记授权' }).click();
    await page.waitForURL(/#\/Consent\/create$/);
    await expect.poll(() => page.getByLabel('身份证号').inputValue()).toBe(idNumber);
    const traces = await page.evaluate<string>('JSON.stringify({ href: location.href, history: history.state })');
    expect(traces).not.toContain(idNumber);
  });
});
