import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const base = 'http://127.0.0.1:4100';
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-')), { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(base + '/');
await page.getByLabel(/用户名|Username/).fill('admin');
await page.getByLabel(/密码|Password/).fill('portal-dev-pass');
await page.getByRole('button', { name: /登录|Sign in/ }).click();
await page.waitForTimeout(2000);
console.log(await page.evaluate(async () => {
  const dp = (window as any).hubDebug;
  try { const r = await dp.getList('SharingAgreement', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} }); return JSON.stringify(r).slice(0, 500); }
  catch (e: any) { return 'ERR ' + e?.message + ' ' + e?.stack?.slice(0, 800); }
}));
console.log(await page.evaluate(async () => {
  const dp = (window as any).hubDebug;
  try { const r = await dp.getList('Department', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} }); return JSON.stringify(r).slice(0, 300); }
  catch (e: any) { return 'ERR ' + e?.message + ' ' + e?.stack?.slice(0, 800); }
}));
await context.close();
