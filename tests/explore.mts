import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const base = process.env.BASE ?? 'http://127.0.0.1:4100';
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-')), {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1440, height: 900 },
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => { console.log('console:', m.text().slice(0, 300)); });
page.on('response', async (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url(), (r.request().postData() ?? '').slice(0, 200), (await r.text().catch(() => '')).slice(0, 300)); });
page.on('request', (r) => { if (r.url().includes('graphql')) console.log('REQ', (r.postData() ?? '').slice(0, 80)); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/');
await page.getByLabel(/用户名|Username/).fill('admin');
await page.getByLabel(/密码|Password/).fill('portal-dev-pass');
await page.getByRole('button', { name: /登录|Sign in/ }).click();
await page.waitForTimeout(3000);
await page.screenshot({ path: '/tmp/shots/dashboard.png' });
for (const path of (process.env.PATHS ?? '').split(',').filter(Boolean)) {
  await page.goto(base + '/#/' + path);
  await page.waitForTimeout(5000);
  await page.screenshot({ path: `/tmp/shots/${path.replace(/[^a-z0-9]+/gi, '_')}.png`, fullPage: true });
}
await context.close();
