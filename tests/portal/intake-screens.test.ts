import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { chromiumAvailable, launchBrowser, logIn, logOut, pickRegion, screenshot } from './portal-browser.ts';

const REGION_TABLE = join(import.meta.dirname, '../fixtures/regions/shangrao-361100.csv');
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const masked = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;

/** The first option whose text matches, in the open MUI list (a select's or an autocomplete's). */
async function choose(page: Page, option: RegExp | string) {
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

describe.runIf(chromiumAvailable())('the portal’s screens for real data in (issue 14), in a real browser', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const admin = { username: 'intake-admin', password: 'intake screens admin password' };
  const officer = { username: 'xinzhou-officer', password: 'intake screens officer password' };
  const bankClerk = { username: 'bank-clerk', password: 'intake screens bank password' };
  let officerToken: string;
  const head = uniqueIdNumber({ regionCode: '361102', sex: 'MALE', birthYear: 1968 });
  const spouse = uniqueIdNumber({ regionCode: '361102', sex: 'FEMALE', birthYear: 1971 });
  const child = uniqueIdNumber({ regionCode: '361102', sex: 'FEMALE', birthYear: 2012 });
  const applicant = uniqueIdNumber({ regionCode: '361102', sex: 'MALE', birthYear: 1975 });
  let householdId: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    hub = await startTestApp(database.url);
    // The province's administrator works for a department of a region of its own: the Shangrao table comes in
    // through the portal.
    const home = await createRegion(hub.prisma, { level: 'CITY' });
    const ministry = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: home.code });
    await createUser(hub.prisma, { role: 'ADMIN', departmentId: ministry.id, ...admin });
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `intake-failed-${context.task.name.slice(0, 40)}`);
  });

  it('imports a region table: a dry run changes nothing, the import adds every region', async () => {
    await logIn(page, hub.url, admin.username, admin.password);
    await page.getByRole('menuitem', { name: '区划导入' }).click();
    await page.getByLabel('选择区划表').setInputFiles(REGION_TABLE);
    expect(await page.getByRole('checkbox', { name: '仅检查（不做更改）' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const result = page.getByTestId('region-import-result');
    await expect.poll(() => result.textContent()).toContain('若导入将作如下更改');
    expect(await result.textContent()).toContain('新增: 66');
    expect(await hub.prisma.region.count({ where: { code: { startsWith: '3611' } } })).toBe(0);

    await page.getByRole('checkbox', { name: '仅检查（不做更改）' }).uncheck();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => result.textContent()).toContain('已导入 66 行');
    await screenshot(page, 'intake-01-region-import');
    const imported = await hub.graphql<{ region: { name: string; children: { name: string }[] } }>(
      'query { region(code: "361102") { name children { name } } }',
      { token: await hub.logIn(admin.username, admin.password) },
    );
    expect(imported.data?.region).toEqual({
      name: '信州区',
      children: [{ name: '西市街道' }, { name: '沙溪镇' }],
    });
    await logOut(page);

    // The district's civil-affairs office (a township office's view), its standard, and a bank delivering deposits.
    const office = await createDepartment(hub.prisma, {
      kind: 'CIVIL_AFFAIRS',
      regionCode: '361102',
      name: '信州区民政局',
    });
    await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: office.id, ...officer });
    officerToken = await hub.logIn(officer.username, officer.password);
    for (const areaType of ['URBAN', 'RURAL'] as const) {
      await hub.prisma.assistanceStandard.create({
        data: {
          regionCode: '361100',
          year: Number(today().slice(0, 4)),
          effectiveFrom: new Date(`${today().slice(0, 4)}-01-01`),
          areaType,
          minimumLivingMonthlyFen: 80_000,
          gracePeriodMonths: 6,
        },
      });
    }
    const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode: '361100', name: '上饶银行' });
    await createAgreement(hub.prisma, {
      providerDepartmentId: bank.id,
      consumerDepartmentId: office.id,
      items: { BANK_DEPOSITS: 'FULL' },
    });
    await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: bank.id, ...bankClerk });
  });

  it('registers a household in a region picked by name, checking each identity number as it is typed', async () => {
    await logIn(page, hub.url, officer.username, officer.password);
    await page.goto(`${hub.url}/#/Household/create`);
    await pickRegion(page, /所在地区（乡镇或村）/, '西市街道');
    await page.getByRole('textbox', { name: '住址' }).fill('信州区西市街道解放路12号');
    await page.getByRole('textbox', { name: '户编号' }).fill('HH-361102-0001');
    await page.getByLabel('成员起始日期').fill('2024-01-01');
    // A mistyped check character is caught in the browser, before anything is sent.
    const wrong = `${head.idNumber.slice(0, 17)}${head.idNumber[17] === '0' ? '1' : '0'}`;
    await page.locator('input[name="members.0.idNumber"]').fill(wrong);
    await page.locator('input[name="members.0.name"]').fill('王建国');
    await page.locator('input[name="members.0.idNumber"]').blur();
    await page.getByText('身份证号校验码不符（GB 11643），请核对').waitFor();
    await page.locator('input[name="members.0.idNumber"]').fill(head.idNumber);
    await page.locator('.ra-input-members').getByRole('button', { name: '增加' }).click();
    await page.locator('input[name="members.1.idNumber"]').fill(spouse.idNumber);
    await page.locator('input[name="members.1.name"]').fill('李秀兰');
    await page
      .locator('.ra-input-members')
      .getByRole('combobox', { name: /^与户主关系/ })
      .nth(1)
      .click();
    await choose(page, '配偶');
    await screenshot(page, 'intake-02-household-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/Household\/[^/]+\/show$/);
    householdId = decodeURIComponent(page.url().split('/Household/')[1]?.split('/')[0] ?? '');

    const household = await hub.graphql<{
      household: { registerNumber: string; region: { name: string }; memberships: { relation: string }[] };
    }>('query ($id: ID!) { household(id: $id) { registerNumber region { name } memberships { relation } } }', {
      token: officerToken,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { id: householdId },
    });
    expect(household.data?.household).toMatchObject({ registerNumber: 'HH-361102-0001', region: { name: '西市街道' } });
    // Memberships from the same day come in no particular order.
    expect(household.data?.household.memberships.map((m) => m.relation).sort()).toEqual(['HEAD', 'SPOUSE']);

    // The household moved within the district: its region (picked by name again) and address are corrected.
    await page.getByRole('link', { name: '编辑' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: /所在地区/ }).inputValue()).toContain('西市街道');
    await pickRegion(page, /所在地区（乡镇或村）/, '解放路社区');
    await page.getByRole('textbox', { name: '住址' }).fill('信州区解放路社区中山路5号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/Household\/[^/]+\/show$/);
    await page.getByText('信州区解放路社区中山路5号').first().waitFor();
    expect(await hub.prisma.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({
      regionCode: '361102001001',
      address: '信州区解放路社区中山路5号',
      registerNumber: 'HH-361102-0001',
    });
  });

  it('adds and removes members and opens and closes an assistance case, keeping the history', async () => {
    await page.getByRole('button', { name: '添加成员' }).click();
    const addDialog = page.getByRole('dialog', { name: '添加成员' });
    await addDialog.getByRole('textbox', { name: '身份证号' }).fill(child.idNumber);
    await addDialog.getByRole('textbox', { name: '姓名' }).fill('王小丽');
    await addDialog.getByLabel('加入日期').fill('2024-02-01');
    await addDialog.getByRole('button', { name: '添加成员' }).click();
    await addDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '王小丽' }).first().waitFor();

    // The spouse moves out: the membership ends, its row stays.
    await page
      .getByRole('row', { name: /李秀兰/ })
      .getByRole('button', { name: '迁出' })
      .click();
    const endDialog = page.getByRole('dialog', { name: /李秀兰 迁出本户/ });
    await endDialog.getByLabel('迁出日期').fill('2025-03-01');
    await endDialog.getByRole('button', { name: '迁出' }).click();
    await endDialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '登记救助' }).click();
    const caseDialog = page.getByRole('dialog', { name: '登记救助' });
    await caseDialog.getByRole('textbox', { name: '案件编号' }).fill('DB-2024-0001');
    await caseDialog.getByLabel('开始日期').fill('2024-03-01');
    await caseDialog.getByRole('textbox', { name: '月金额' }).fill('420.50');
    await caseDialog.getByRole('button', { name: '登记救助' }).click();
    await caseDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'DB-2024-0001' }).waitFor();
    await page
      .getByRole('row', { name: /DB-2024-0001/ })
      .getByRole('button', { name: '终止救助' })
      .click();
    const closeDialog = page.getByRole('dialog', { name: '终止救助' });
    await closeDialog.getByLabel('结束日期').fill('2025-12-31');
    await closeDialog.getByRole('button', { name: '终止救助' }).click();
    await closeDialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /DB-2024-0001/ })
      .getByText('终止')
      .waitFor();
    await screenshot(page, 'intake-03-household-register');

    const read = await hub.graphql<{
      household: {
        memberships: { person: { name: string }; validFrom: string; validTo: string | null }[];
        assistanceCases: { caseNumber: string; status: string; monthlyAmountFen: number; endedOn: string }[];
      };
    }>(
      `query ($id: ID!) { household(id: $id) {
        memberships { person { name } validFrom validTo }
        assistanceCases { caseNumber status monthlyAmountFen endedOn }
      } }`,
      { token: officerToken, purpose: 'MINIMUM_LIVING_GUARANTEE', variables: { id: householdId } },
    );
    const byName = (a: { person: { name: string } }, b: { person: { name: string } }) =>
      a.person.name.localeCompare(b.person.name, 'zh-CN');
    expect(read.data?.household.memberships.sort(byName)).toEqual(
      [
        { person: { name: '王建国' }, validFrom: '2024-01-01', validTo: null },
        { person: { name: '王小丽' }, validFrom: '2024-02-01', validTo: null },
        { person: { name: '李秀兰' }, validFrom: '2024-01-01', validTo: '2025-03-01' },
      ].sort(byName),
    );
    expect(read.data?.household.assistanceCases).toEqual([
      { caseNumber: 'DB-2024-0001', status: 'TERMINATED', monthlyAmountFen: 42_050, endedOn: '2025-12-31' },
    ]);
  });

  it('takes a verification request with its members, declared items and authorisation scan, and shows its report', async () => {
    await page.goto(`${hub.url}/#/VerificationRequest/create`);
    await page.getByRole('textbox', { name: '申请编号' }).fill('XZ-2026-0001');
    await pickRegion(page, /所在地区（乡镇或村）/, '沙溪村');
    await page.getByRole('textbox', { name: '住址' }).fill('信州区沙溪镇沙溪村3号');
    await page.locator('input[name="members.0.idNumber"]').fill(applicant.idNumber);
    await page.locator('input[name="members.0.name"]').fill('刘强');
    const items = page.locator('.ra-input-items');
    await items.getByRole('button', { name: '增加' }).click();
    await items.getByRole('combobox', { name: /^类别/ }).nth(0).click();
    await choose(page, '收入');
    await items
      .getByRole('combobox', { name: /^所属成员/ })
      .nth(0)
      .click();
    await choose(page, '刘强');
    await items.getByRole('combobox', { name: /^来源/ }).nth(0).click();
    await choose(page, '工资');
    await page.getByRole('textbox', { name: '月收入（元）' }).fill('1500');
    await items.getByRole('button', { name: '增加' }).click();
    await items.getByRole('combobox', { name: /^类别/ }).nth(1).click();
    await choose(page, '刚性支出');
    await items.getByRole('combobox', { name: /^来源/ }).nth(1).click();
    await choose(page, '医疗');
    await page.getByRole('textbox', { name: '月支出（元）' }).fill('600');
    await page
      .locator('.ra-input-authorisation\\.file input[type="file"]')
      .setInputFiles({ name: 'shouquanshu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 授权书') });
    await page.getByText('shouquanshu.pdf').waitFor();
    // The hub's own check: an adult who did not sign the 授权书 is named under their identity number, nothing saved.
    const signed = page.locator('.ra-input-members').getByRole('switch', { name: '已签授权书' });
    await signed.uncheck();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('成年家庭成员须签署授权书').waitFor();
    await screenshot(page, 'intake-04-request-refused');
    expect(await hub.prisma.verificationRequest.count()).toBe(0);
    await signed.check();
    await screenshot(page, 'intake-04-request-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/VerificationRequest\/[^/]+\/show$/);
    const id = decodeURIComponent(page.url().split('/VerificationRequest/')[1]?.split('/')[0] ?? '');
    await page.getByText('已提交').first().waitFor();

    const READ = `query ($id: ID!) { verificationRequest(id: $id) {
      status reference members { idNumber signedAuthorisation }
      report { category source declaredFen foundFen }
    } }`;
    type Read = { verificationRequest: { status: string; report: { category: string; declaredFen: string }[] | null } };
    const submitted = await hub.graphql<Read>(READ, { token: officerToken, variables: { id } });
    expect(submitted.data?.verificationRequest).toMatchObject({
      status: 'SUBMITTED',
      reference: 'XZ-2026-0001',
      members: [{ idNumber: masked(applicant.idNumber), signedAuthorisation: true }],
    });

    // The centre checks it; the office lists its requests by state and reads the report.
    const checked = await hub.graphql(
      'mutation ($ids: [ID!]!) { checkVerificationRequests(requestIds: $ids) { id } }',
      {
        token: officerToken,
        variables: { ids: [id] },
      },
    );
    expect(checked.errors).toBeUndefined();
    await expect
      .poll(
        async () =>
          (await hub.graphql<Read>(READ, { token: officerToken, variables: { id } })).data?.verificationRequest.status,
        {
          timeout: 60_000,
        },
      )
      .toBe('REPORTED');

    await page.goto(`${hub.url}/#/VerificationRequest`);
    await page.getByRole('combobox', { name: '状态' }).click();
    await choose(page, '已提交');
    await page
      .getByText(/没有找到|No .* found|暂无/)
      .first()
      .waitFor();
    await page.getByRole('combobox', { name: '状态' }).click();
    await choose(page, '已出报告');
    await page.getByRole('cell', { name: 'XZ-2026-0001' }).click();
    await page.waitForURL(/#\/VerificationRequest\/[^/]+\/show$/);
    const table = page.getByRole('table', { name: '申报与核对对比' });
    await table.getByRole('row', { name: /收入.*工资.*¥1,500\.00/ }).waitFor();
    await table.getByRole('row', { name: /刚性支出.*医疗.*¥600\.00/ }).waitFor();
    await screenshot(page, 'intake-05-request-report');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载核对报告' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('hedui-baogao-XZ-2026-0001.html');
    const report = readFileSync((await download.path()) as string, 'utf8');
    expect(report).toContain('核对报告');

    const reported = await hub.graphql<Read>(READ, { token: officerToken, variables: { id } });
    expect(reported.data?.verificationRequest.report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'INCOME', source: 'WAGE', declaredFen: '150000' }),
        expect.objectContaining({ category: 'RIGID_EXPENDITURE', source: 'MEDICAL', declaredFen: '60000' }),
      ]),
    );
    await logOut(page);
  });

  it('lets a bank’s clerk upload its deposits, showing the snapshot’s counts and its rejects report', async () => {
    await logIn(page, hub.url, bankClerk.username, bankClerk.password);
    await page.getByRole('menuitem', { name: '数据上传' }).click();
    await page.getByRole('combobox', { name: '数据集' }).click();
    await choose(page, /存款/);
    await page.getByText(/表头: id_number,account_number/).waitFor();
    await page.getByRole('textbox', { name: '拒收阈值' }).fill('1');
    const bad = `${head.idNumber.slice(0, 17)}${head.idNumber[17] === '0' ? '1' : '0'}`;
    const csv = [
      'id_number,account_number,deposit_type,balance_fen,opened_on',
      `${head.idNumber},6222100000000001,DEMAND,1250000,2019-03-02`,
      `${child.idNumber},6222100000000002,DEMAND,3000,2020-05-01`,
      `${bad},6222100000000003,DEMAND,100,2019-03-02`,
    ].join('\n');
    await page
      .getByLabel('选择文件')
      .setInputFiles({ name: 'deposits.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    const result = page.getByTestId('upload-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('共 3 行，接收 2 行，拒收 1 行');
    expect(await result.textContent()).toContain('当前');
    await screenshot(page, 'intake-06-dataset-upload');
    const downloading = page.waitForEvent('download');
    await result.getByRole('button', { name: '拒收报告' }).click();
    const rejects = readFileSync((await (await downloading).path()) as string, 'utf8');
    expect(rejects).toContain('INVALID_ID_CHECK_CHARACTER');
    expect(rejects).not.toContain(bad);

    const snapshot = await hub.prisma.datasetSnapshot.findFirstOrThrow({
      where: { dataset: 'BANK_DEPOSIT', department: { name: '上饶银行' } },
    });
    expect(snapshot).toMatchObject({ status: 'CURRENT', rowCount: 3, acceptedCount: 2, rejectCount: 1 });
  });
});
