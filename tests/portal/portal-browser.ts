import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

// A browser step waits for what the page shows, never for a fixed time. On a machine busy with other work (a second
// copy of the suite, load average 15 and more) a screen can take tens of seconds to render: each wait allows 90 s,
// and each test 300 s (vitest.config.ts).
export const STEP_TIMEOUT_MS = 90_000;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/**
 * Whether the browser suites can run. Without Chromium they may skip only outside CI, and then say so loudly;
 * in CI a missing browser fails them.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) return true; // let the launch fail and the suite with it
  console.warn(
    `\n⚠️  ${CHROMIUM} not found: the portal's browser tests are SKIPPED. Install it with \`apt-get install -y chromium\`.\n`,
  );
  return false;
}

/**
 * Debian's Chromium, headless, on a fresh profile that is deleted afterwards; `timezoneId` sets the browser's own
 * zone (the machine's by default), to show that the portal keeps to China Standard Time whatever it is.
 */
export async function launchBrowser(
  options: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hub-portal-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as tests/portal/screenshots/<name>.png (git-ignored): look at them. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/#/login`);
  // Signed in already (an earlier test's session): the login page would send the user on to the dashboard while the
  // form is filled. Start signed out, as a new user would.
  await page.evaluate("sessionStorage.removeItem('hub.session')");
  await page.reload();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.getByText(/欢迎|Welcome/).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /设置|Profile/ }).click();
  await page.getByRole('menuitem', { name: /登出|Logout/ }).click();
  await page.locator('input[name="username"]').waitFor();
}

/**
 * A region picked in a region picker as a person does: by typing its name (never a code) and choosing the option that
 * matches (`option`, the name by default). It returns once the picker shows the region: on a busy machine the choice
 * takes a while to settle, and a form saved before it would be refused for a missing region.
 */
export async function pickRegion(page: Page, label: string | RegExp, name: string, option = new RegExp(name)) {
  const picker = page.getByRole('combobox', { name: label });
  await picker.click();
  await picker.fill(name);
  const choice = page.getByRole('option', { name: option }).first();
  // The option reads "兴庆区 (640104)": the typed name alone is no sign that the choice was taken.
  const chosen = (await choice.textContent())?.trim();
  expect(chosen).toMatch(/\(\d{6,12}\)$/);
  await choice.click();
  await expect.poll(() => picker.inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(chosen);
}
