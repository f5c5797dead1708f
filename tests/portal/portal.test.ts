import type { PrismaClient } from '@hub/prisma';
import { userChangeActor } from '@hub/server/audit/change-actors';
import { createApiClient } from '@hub/server/identity/create-api-client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { chromiumAvailable, launchBrowser, logIn, logOut, pickRegion, screenshot } from './portal-browser.ts';
import { seedPortalWorld } from './portal-world.ts';

const ADMIN_PASSWORD = 'portal admin password 1';

describe.runIf(chromiumAvailable())('the portal, in a real browser against the real hub', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let prisma: PrismaClient;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let asOf: string;
  let approver: { username: string; password: string };
  let subjectIdNumber: string;
  let subjectHouseholdId: string;
  let housingClient: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    const database = await createTestDatabase();
    const world = await seedPortalWorld(database.url, { persons: 1200, seed: 5, adminPassword: ADMIN_PASSWORD });
    ({ prisma, asOf } = world);
    const { centre } = world;
    // Approving needs an administrator other than the agreement's author.
    const second = await createUser(prisma, { role: 'ADMIN', departmentId: centre.id, username: 'approver' });
    approver = { username: 'approver', password: second.password };
    const housing = await prisma.department.findUniqueOrThrow({ where: { code: 'HOUSING_640100' } });
    const client = await createApiClient(
      prisma,
      { departmentId: housing.id, name: '住建局保障房审核系统' },
      second.user.id,
      userChangeActor(second.user, 'test set-up'),
    );
    housingClient = { clientId: client.apiClient.clientId, clientSecret: client.clientSecret };
    hub = await startTestApp(database.url);
    const token = await hub.logIn('admin', ADMIN_PASSWORD);
    const households = await hub.graphql<{
      households: { edges: { node: { id: string; members: { idNumber: string }[] } }[] };
    }>('{ households(first: 1) { edges { node { id members { idNumber } } } } }', {
      token,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
    });
    subjectIdNumber = households.data?.households.edges[0]?.node.members[0]?.idNumber ?? '';
    subjectHouseholdId = households.data?.households.edges[0]?.node.id ?? '';
    expect(subjectIdNumber).toMatch(/^\d{17}[\dX]$/);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
  });

  /** The housing department's own system, over real HTTP: its token, then the person's hukou branch. */
  async function housingSeesHukou() {
    const tokenAnswer = await fetch(`${hub.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: housingClient.clientId,
        client_secret: housingClient.clientSecret,
      }),
    });
    expect(tokenAnswer.status).toBe(200);
    const { access_token: accessToken } = (await tokenAnswer.json()) as { access_token: string };
    const answer = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'x-hub-purpose': 'HOUSING_SUBSIDY',
      },
      body: JSON.stringify({
        query: 'query ($id: String!) { person(idNumber: $id) { hukou { hukouNumber status } } }',
        variables: { id: subjectIdNumber },
      }),
    });
    return (await answer.json()) as {
      data: { person: { hukou: { hukouNumber: string }[] | null } | null };
      errors?: { extensions: { code: string; dataItem?: string } }[];
    };
  }

  it('logs an administrator in and shows the dashboard in Chinese, with the menus of the role', async () => {
    await logIn(page, hub.url, 'admin', ADMIN_PASSWORD);
    for (const menu of ['共享协议', '部门', '授权', '人员', '比对', '救助标准', '审计日志', '数据交付']) {
      await expect(page.getByRole('menuitem', { name: menu }).count()).resolves.toBe(1);
    }
    await page.getByTestId('audit-chain').getByText('审计链完整').waitFor();
    await screenshot(page, '01-dashboard');
  });

  it('creates an agreement in the field matrix, and a second administrator approves it: the partner then sees the field', {
    timeout: 150_000,
  }, async () => {
    const before = await housingSeesHukou();
    expect(before.data.person?.hukou ?? null).toBeNull();
    // With no agreement for the purpose yet, the lookup itself is refused: whether the person exists is not told.
    expect(before.errors?.map((error) => error.extensions.dataItem)).toEqual(['PERSON_IDENTITY']);

    await page.goto(`${hub.url}/#/SharingAgreement/create`);
    await page.getByLabel('协议编号').fill('YC-ZJ-HUKOU-2026');
    await page.getByLabel('名称').fill('公安户籍信息向住建局共享（住房保障）');
    await page.getByLabel('提供方').click();
    await page.getByRole('option', { name: '银川市公安局' }).click();
    await page.getByLabel('使用方').click();
    await page.getByRole('option', { name: '银川市住房和城乡建设局' }).click();
    await page.getByLabel('用途').click();
    await page.getByRole('option', { name: '住房保障' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('生效日期').fill(`${asOf.slice(0, 4)}-01-01`);
    await page.getByLabel('截止日期').fill(`${Number(asOf.slice(0, 4)) + 1}-12-31`);
    const matrix = page.getByTestId('agreement-matrix');
    await matrix.getByText('户籍信息').waitFor();
    await expect(matrix.getByText('机动车登记').count()).resolves.toBe(1);
    await matrix.getByLabel('HUKOU FULL').check();
    await screenshot(page, '02-agreement-matrix');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('待审批').first().waitFor();
    // The author cannot approve an agreement of their own.
    await expect(page.getByRole('button', { name: '审批通过' }).isDisabled()).resolves.toBe(true);
    const agreementUrl = page.url();

    await logOut(page);
    await logIn(page, hub.url, approver.username, approver.password);
    await page.goto(agreementUrl);
    await page.getByRole('button', { name: '审批通过' }).click();
    await page.getByText('已审批通过，协议生效').waitFor();
    await page.getByTestId('granted-items').getByText('户籍信息').waitFor();
    await screenshot(page, '03-agreement-approved');

    const after = await housingSeesHukou();
    expect(after.errors ?? []).toEqual([]);
    expect(after.data.person?.hukou?.length).toBeGreaterThan(0);
  });

  it('shows a person’s branches with provenance, and the fields withheld for a purpose as named denials', async () => {
    // Opened from the household, and named in the address by the internal id: no URL or history holds the number.
    await page.goto(`${hub.url}/#/Household/${subjectHouseholdId}/show`);
    await page.getByText(subjectIdNumber).click();
    await page.waitForURL(/#\/Person\/[0-9a-f-]{36}\/show$/);
    await expect(page.evaluate<string>('JSON.stringify(history.state) + location.href')).resolves.not.toContain(
      subjectIdNumber,
    );
    await page.locator('[data-branch="hukou"]').getByText('银川市公安局').first().waitFor();
    await screenshot(page, '04-person-verification');
    await page.getByTestId('purpose-select').click();
    await page.getByRole('option', { name: '就业救助' }).click();
    await page.getByTestId('denied-fields').waitFor();
    await expect(page.getByTestId('denied-hukou').textContent()).resolves.toContain('HUKOU');
    await screenshot(page, '05-person-denied');
    await page.getByTestId('purpose-select').click();
    await page.getByRole('option', { name: '最低生活保障' }).click();
    // The counter prints the person's access record (查询记录) from here too.
    await page.getByRole('button', { name: '查询记录' }).click();
    await page.frameLocator('[data-testid="disclosure-record-frame"]').getByText('个人信息查询记录').first().waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('starts a periodic review, watches it reach 100 %, and opens a flagged household’s evidence and report', {
    timeout: 150_000,
  }, async () => {
    await page.goto(`${hub.url}/#/ComparisonRun/create`);
    await pickRegion(page, '地区', '银川市', /银川市 \(640100\)/);
    await page.getByLabel('比对基准日').fill(asOf);
    await screenshot(page, '06-run-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-testid="run-progress"][data-percent="100"]').waitFor({ timeout: 90_000 });
    await page.getByText('按疑点').waitFor();
    await screenshot(page, '07-run-completed');

    await page.getByRole('tab', { name: '比对结果' }).click();
    await page.getByLabel('疑点').first().click();
    await page.getByRole('option', { name: '收入超标' }).click();
    const firstRow = page.locator('tbody tr').first();
    await firstRow.getByText('收入超标').waitFor();
    await firstRow.click();
    const detail = page.getByTestId('assessment-detail');
    await detail.getByText('事实').first().waitFor();
    await expect(detail.getByText('收入超标').count()).resolves.toBeGreaterThan(0);
    // The rules the decision applied, each with its citation and the comparison in exact figures.
    await detail.getByText('适用规则').waitFor();
    const rules = detail.getByTestId('applied-rules');
    const line = rules.locator('tr', { hasText: /^低保标准/ });
    await expect(line.textContent()).resolves.toMatch(
      /银川市民政局《银川市实现巩固民政领域社会救助成果同乡村振兴有效衔接的工作方案》（2021），二\(四\).*否.*人均月收入 ¥[\d,]+\.\d{2}.*低保标准 ¥[\d,]+\.\d{2}/,
    );
    // The household is named by its head, region and address, never by its id.
    await expect(firstRow.getByTestId('household-link').textContent()).resolves.toMatch(/^\S+ · \S+ · \S+/);
    await screenshot(page, '08-household-evidence');
    await detail.getByRole('button', { name: '核对报告' }).click();
    const report = page.frameLocator('[data-testid="report-frame"]');
    await report
      .getByText(/核对报告/)
      .first()
      .waitFor();
    await screenshot(page, '09-household-report');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('finds those accesses in the audit log, and verifies the chain', async () => {
    await page.goto(`${hub.url}/#/AuditEntry`);
    // The actor filter narrows the list to the administrator's requests.
    await page.getByLabel('身份').fill('admin');
    await page.locator('tbody tr', { hasText: 'admin' }).first().waitFor();
    await page.getByLabel('身份').fill('');
    await page.getByLabel('查询对象（谁查看过此人）').fill(subjectIdNumber);
    await page.getByText('查询人员核对信息').first().waitFor();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.locator('[data-testid="chain-result"][data-intact="true"]').waitFor();
    await screenshot(page, '10-audit-log');
    // The subject's access record (查询记录), printable for the citizen.
    await page.getByRole('button', { name: '查询记录' }).click();
    const record = page.frameLocator('[data-testid="disclosure-record-frame"]');
    await record.getByText('个人信息查询记录').first().waitFor();
    await screenshot(page, '10b-disclosure-record');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('shows departments with their API clients, standards, consents and deliveries', async () => {
    await page.goto(`${hub.url}/#/Department`);
    await page.getByText('银川市住房和城乡建设局').click();
    await page.getByText('住建局保障房审核系统').waitFor();
    await screenshot(page, '11-department-clients');
    await page.goto(`${hub.url}/#/AssistanceStandard`);
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, '12-standards');
    await page.goto(`${hub.url}/#/DatasetSnapshot`);
    await page.getByLabel('部门').click();
    await page.getByRole('option', { name: '银川市公安局' }).click();
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, '13-snapshots');
  });

  it('switches to English', async () => {
    await page.goto(`${hub.url}/#/`);
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Sharing agreements' }).waitFor();
    await expect(page.getByRole('menuitem', { name: 'Audit log' }).count()).resolves.toBe(1);
    await screenshot(page, '14-dashboard-english');
  });
});
