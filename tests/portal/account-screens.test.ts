import { systemChangeActor } from '@hub/server/audit/change-actors';
import { configureDepartmentConnector } from '@hub/server/connectors/configure-department-connector';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { chromiumAvailable, launchBrowser, logIn, logOut, screenshot } from './portal-browser.ts';

process.env.HUB_SECRET_KEY ??= 'test-secret-key-of-at-least-32-characters';

const CREDENTIAL = `bank-issued-token-${uniqueNumber()}`;

/** The first option whose text matches, in the open MUI list. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

/** A value the hub shows once: Escape leaves its dialog open; ticking "saved" and closing it is the only way out. */
async function readShownOnce(page: Page, testId: string, shot: string): Promise<string> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId(testId) });
  const value = await dialog.getByTestId(testId).inputValue();
  await page.keyboard.press('Escape');
  await dialog.click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  await expect(dialog.isVisible()).resolves.toBe(true);
  const close = dialog.getByRole('button', { name: /关闭|Close/ });
  await expect(close.isDisabled()).resolves.toBe(true);
  await screenshot(page, shot);
  await dialog.getByRole('checkbox').check();
  await close.click();
  await dialog.waitFor({ state: 'hidden' });
  return value;
}

describe.runIf(chromiumAvailable())('the portal’s account and connector screens (issue 17), in a real browser', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const admin = { username: 'accounts-admin', password: 'account screens admin password' };
  const officer = { username: 'centre-officer', password: 'account screens officer password' };
  const bankClerk = { username: 'bank-officer', password: 'account screens bank password' };
  let centreName: string;
  let bankName: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    hub = await startTestApp(database.url);
    const city = await createRegion(hub.prisma, { level: 'CITY' });
    const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: city.code });
    const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode: city.code });
    centreName = centre.name;
    bankName = bank.name;
    await createUser(hub.prisma, { role: 'ADMIN', departmentId: centre.id, ...admin });
    await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id, ...officer });
    await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: bank.id, ...bankClerk });
    const { id } = await configureDepartmentConnector(
      hub.prisma,
      {
        departmentId: bank.id,
        datasets: ['BANK_DEPOSIT'],
        baseUrl: 'https://bank.example.test/verification/v1',
        credential: CREDENTIAL,
        batchSize: 50,
        concurrency: 2,
        timeoutMs: 3000,
        retries: 2,
        backoffMs: 200,
        maxBackoffMs: 2000,
        circuitErrorPercentage: null,
        circuitMinimumBatches: null,
        circuitResetMs: null,
        enabled: null,
      },
      systemChangeActor('test set-up'),
    );
    // As the connector registry records a run's failed batches (fetch-live-answers.ts).
    await hub.prisma.departmentConnector.update({
      where: { id },
      data: {
        lastSuccessAt: new Date('2026-12-05T01:00:00Z'),
        lastFailureAt: new Date('2026-12-05T02:30:00Z'),
        lastFailureReason: 'BANK_DEPOSIT: TIMEOUT, SERVER_ERROR for 3 of 10 persons',
      },
    });
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('names the platform on the login page', async () => {
    await page.goto(`${hub.url}/#/login`);
    await page.getByRole('heading', { name: '居民家庭经济状况核对平台' }).waitFor();
  });

  it('lets an administrator create a user whose first password is shown once, and that password logs in', async () => {
    await logIn(page, hub.url, admin.username, admin.password);
    await page.locator('a.MuiMenuItem-root[href="#/User"]').click();
    const officerRow = page.locator('tbody tr', { hasText: officer.username });
    await officerRow.getByText('核对人员').waitFor();
    await expect(officerRow.textContent()).resolves.toContain(centreName);
    await expect(officerRow.textContent()).resolves.toContain('可登录');

    await page.getByRole('link', { name: /新建|Create/ }).click();
    const username = `clerk${uniqueNumber()}`;
    await page.getByRole('textbox', { name: '用户名' }).fill(username);
    await page.getByRole('textbox', { name: '姓名' }).fill('窗口经办人');
    await choose(page, '角色', '核对人员');
    await choose(page, '部门', centreName);
    await page.getByRole('button', { name: '保存' }).click();
    const password = await readShownOnce(page, 'new-password', 'accounts-01-first-password');
    await page.waitForURL(/#\/User$/);
    await page.locator('tbody tr', { hasText: username }).waitFor();
    await expect(hub.logIn(username, password)).resolves.toMatch(/.+/);
  });

  it('changes a role, resets a password and disables a user, each with its reason in the audit trail', async () => {
    const { user } = await createUser(hub.prisma, {
      role: 'VERIFICATION_OFFICER',
      departmentId: (await hub.prisma.department.findFirstOrThrow({ where: { name: centreName } })).id,
    });
    // The list reads the hub afresh when it is opened again.
    await page.goto(`${hub.url}/#/`);
    await page.locator('a.MuiMenuItem-root[href="#/User"]').click();
    const row = page.locator('tbody tr', { hasText: user.username });

    await row.getByRole('button', { name: '变更角色' }).click();
    let dialog = page.getByRole('dialog');
    await choose(page, '角色', '审计员');
    await dialog.getByRole('textbox', { name: '原因' }).fill('调岗到审计科');
    await dialog.getByRole('button', { name: '变更角色' }).click();
    await row.getByText('审计员').waitFor();

    await row.getByRole('button', { name: '重置密码' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '原因' }).fill('忘记密码，本人来电');
    await dialog.getByRole('button', { name: '重置密码' }).click();
    const password = await readShownOnce(page, 'new-password', 'accounts-02-reset-password');
    await expect(hub.logIn(user.username, password)).resolves.toMatch(/.+/);

    await row.getByRole('button', { name: '停用' }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '停用' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('textbox', { name: '原因' }).fill('离职');
    await dialog.getByRole('button', { name: '停用' }).click();
    await row.getByText(/已停用/).waitFor();
    await expect(hub.logIn(user.username, password)).rejects.toThrow();

    const events = await hub.prisma.$queryRaw<{ event: string; reason: string | null }[]>`
      SELECT event::text, reason FROM audit_entries
       WHERE event IS NOT NULL AND change->>'userId' = ${user.id} ORDER BY sequence`;
    expect(events).toEqual([
      { event: 'USER_ROLE_CHANGED', reason: '调岗到审计科' },
      { event: 'USER_PASSWORD_RESET', reason: '忘记密码，本人来电' },
      { event: 'USER_DISABLED', reason: '离职' },
    ]);
    await screenshot(page, 'accounts-03-users');
  });

  it('shows each live connector’s settings and health in words, and never its credential', async () => {
    const answers: string[] = [];
    const collect = (response: { url(): string; text(): Promise<string> }) => {
      if (new URL(response.url()).pathname !== '/graphql') return;
      response.text().then(
        (body) => answers.push(body),
        () => undefined,
      );
    };
    page.on('response', collect);
    await page.locator('a.MuiMenuItem-root[href="#/DepartmentConnector"]').click();
    const row = page.locator('tbody tr', { hasText: bankName });
    await row.getByText('https://bank.example.test/verification/v1').waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('银行存款');
    expect(text).toContain('每批 50 人，同时 2 批，单次超时 3 秒');
    expect(text).toContain('正常');
    expect(text).toContain('最近成功：2026-12-05 09:00');
    expect(text).toContain('最近失败：2026-12-05 10:30');
    expect(text).toContain('超时、对方服务出错，3/10 人未获答复');
    expect(text).not.toMatch(/TIMEOUT|SERVER_ERROR|BANK_DEPOSIT/);
    expect(await page.evaluate<string>('document.body.innerText')).not.toContain(CREDENTIAL);
    await expect.poll(() => answers.some((body) => body.includes('departmentConnectors'))).toBe(true);
    expect(answers.join('\n')).not.toContain(CREDENTIAL);
    page.off('response', collect);
    await screenshot(page, 'accounts-04-connectors');
  });

  it('asks before rotating a client’s secret, shows it once, and copies the client_id', async () => {
    await page.goto(`${hub.url}/#/Department`);
    await page.locator('tbody tr', { hasText: bankName }).click();
    await page.getByRole('textbox', { name: '名称' }).fill('银行核查系统');
    await page.getByRole('button', { name: '签发客户端' }).click();
    const secret = await readShownOnce(page, 'client-secret', 'accounts-05-client-secret');
    const client = await hub.prisma.apiClient.findFirstOrThrow({ where: { name: '银行核查系统' } });
    const row = page.locator('tbody tr', { hasText: '银行核查系统' });
    await row.getByRole('button', { name: '复制 client_id' }).waitFor();
    await row.getByRole('button', { name: '轮换密钥' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('轮换“银行核查系统”的密钥？').waitFor();
    await confirm.getByRole('button', { name: /取消|Cancel/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    const unchanged = await hub.prisma.apiClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(unchanged.secretRotatedAt).toEqual(client.secretRotatedAt);
    await row.getByRole('button', { name: '轮换密钥' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确认|Confirm/ })
      .click();
    const rotated = await readShownOnce(page, 'client-secret', 'accounts-06-rotated-secret');
    expect(rotated).not.toBe(secret);
    await logOut(page);
  });

  it('gives a bank’s officer no households nor 核对申请, which the hub refuses its department, and the centre’s officer both', async () => {
    const menuOf = async (user: { username: string; password: string }) => {
      await logIn(page, hub.url, user.username, user.password);
      await page.locator('a.MuiMenuItem-root[href="#/SharingAgreement"]').waitFor();
      const menu = await page
        .locator('a.MuiMenuItem-root[href^="#/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      await logOut(page);
      return menu;
    };
    const bank = await menuOf(bankClerk);
    expect(bank).toContain('#/DatasetUpload');
    expect(bank).not.toContain('#/Household');
    expect(bank).not.toContain('#/VerificationRequest');
    expect(bank).not.toContain('#/User');
    const centre = await menuOf(officer);
    expect(centre).toContain('#/Household');
    expect(centre).toContain('#/VerificationRequest');
    expect(centre).not.toContain('#/User');
    expect(centre).not.toContain('#/DepartmentConnector');
  });

  it('lets any user change their own password, giving the current one, in English too', async () => {
    await page.goto(`${hub.url}/#/login`);
    await page.evaluate(`localStorage.setItem('RaStore.locale', '"en"')`);
    await logIn(page, hub.url, officer.username, officer.password);
    await page.getByRole('button', { name: /Profile/ }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.locator('input[name="currentPassword"]').fill('not my password at all');
    await page.locator('input[name="newPassword"]').fill('a brand new passphrase for the centre 7');
    await page.locator('input[name="repeatedPassword"]').fill('a brand new passphrase for the centre 7');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not correct').waitFor();
    await page.locator('input[name="currentPassword"]').fill(officer.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed; your other sessions have ended').waitFor();
    await screenshot(page, 'accounts-07-own-password');
    await expect(hub.logIn(officer.username, 'a brand new passphrase for the centre 7')).resolves.toMatch(/.+/);
    await page.evaluate(`localStorage.setItem('RaStore.locale', '"zh-CN"')`);
  });
});
