import type { PrismaClient } from '@hub/prisma';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { uniqueIdNumber, uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { chineseOneCharacterPerLine, protrudingElements, titleOverlap } from './layout-scan.ts';
import { CHROMIUM, chromiumAvailable, STEP_TIMEOUT_MS, screenshot } from './portal-browser.ts';
import { seedPortalWorld } from './portal-world.ts';

/**
 * Issue 17's "Done when": every menu entry of every role, in both languages, at desktop and phone width, and the
 * first record behind each list, with no console error, no failed request, and no raw code, UUID or fen amount in
 * the text a person reads. The checks are automatic scans of each page, so a new screen is walked as soon as it is in
 * a role's menu.
 */

const PASSWORD = 'portal walk password 1';
const ROLES = ['ADMIN', 'VERIFICATION_OFFICER', 'AUDITOR'] as const;
const LANGUAGES = ['zh-CN', 'en'] as const;
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ENUM_LIKE = /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g;
/** A key of the hub's JSON shown as it is stored: "deductionPerWageFen 0", "exemptTypes". */
const CAMEL_KEY = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
/** An enum value with no underscore in it: REWARD, MOTORCYCLE, ASSISTANCE (not part of a plate: 宁AFN248). */
const BARE_CODE = /(?<![-\p{L}\p{N}_])[A-Z][A-Z0-9]{3,}(?![-\p{L}\p{N}_])/gu;
/** Upper-case words a person reads as words, each with its reason. */
const ACRONYMS = new Map<string, string>([
  ['XLSX', 'a file format, named on the export and upload buttons'],
  ['EXCEL', 'a file format, named on the export and upload buttons'],
  ['NDJSON', 'a file format, named on the upload screen'],
  ['JPEG', 'a file format an authorisation may be scanned in'],
  ['TIFF', 'a file format an authorisation may be scanned in'],
  ['HTTP', 'the protocol named on the API client and connector screens'],
  ['HTTPS', 'the protocol named on the API client and connector screens'],
]);
/** Enum-like tokens a person may legitimately read, each with its reason. */
const LEGITIMATE_TOKENS = new Map<RegExp, string>([
  [
    /^[A-Z][A-Z_]*_\d{6}$/,
    'a department code (HOUSING_640100): the key administrators quote to partners for API clients and deliveries, and part of agreement numbers; data, not an untranslated enum',
  ],
]);
/**
 * Defects the walk finds that are known and not yet fixed, each printed on every run rather than failing it, with
 * the issue that tracks it: none today.
 */
const KNOWN_DEFECTS = new Map<RegExp, string>([]);

/** Pages every signed-in user reaches outside the menu (from the user menu in the app bar), walked after it. */
const BEYOND_THE_MENU = ['#/password'];
/** A label of money followed by a bare number: "月工资: 166002", "Income 3500". */
const BARE_MONEY =
  /(?:工资|收入|金额|存款|标准|低保|补贴|支出|income|wage|salary|amount|deposit|standard|expenditure)[^\n¥\d]{0,12}?[:：]?\s*(?<!¥)\b\d{3,}\b(?![.,]\d|\s*(?:年|月|日|户|人|条|行|名|个|%|-\d))/gi;
/** A yuan sign must be followed by yuan with exactly two decimals (a lone ¥ is an amount input's adornment). */
const MALFORMED_YUAN = /¥(?=\S)(?!-?\d{1,3}(?:,\d{3})*\.\d{2}\b)\S*/g;
/** An expandable row not yet unfolded: a table's expand button, or a phone card's. */
const EXPANDER = 'main .RaDatagrid-expandIcon[aria-expanded="false"], main [data-expand-card][aria-expanded="false"]';
/** A year is no amount: "标准 兴庆区 2026". */
const YEAR = /\b(?:19|20)\d{2}$/;

/**
 * A part of the walk, to work on a screen: WALK_ONLY="ADMIN en phone" walks only that role, language and size (any
 * of the three words may be left out). The full walk, as `pnpm test` runs it, sets none.
 */
const ONLY = (process.env.WALK_ONLY ?? '').split(/\s+/).filter(Boolean);
const wanted = (...parts: string[]) => ONLY.every((word) => parts.includes(word) || !isPart(word, parts.length));
const isPart = (word: string, depth: number) =>
  [ROLES, LANGUAGES, SIZES.map((size) => size.name)]
    .slice(0, depth)
    .some((words) => (words as readonly string[]).includes(word));

/** Screenshots of every page (tests/portal/screenshots/walk-*.png) cost time: taken when WALK_SCREENSHOTS is set. */
const SCREENSHOTS = Boolean(process.env.WALK_SCREENSHOTS);

interface Finding {
  where: string;
  what: string;
}

describe.runIf(chromiumAvailable())('a walk of the whole portal (issue 17), in a real browser', () => {
  let hub: Awaited<ReturnType<typeof startTestApp>>;
  let prisma: PrismaClient;
  let pool: pg.Pool;
  let browser: Browser;
  const departmentCodes = new Set<string>();
  const users: Record<(typeof ROLES)[number], string> = {
    ADMIN: 'admin',
    VERIFICATION_OFFICER: 'officer',
    AUDITOR: 'auditor',
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    const world = await seedPortalWorld(database.url, { persons: 150, seed: 41, adminPassword: PASSWORD });
    prisma = world.prisma;
    const { asOf, centre } = world;
    await createUser(prisma, {
      role: 'VERIFICATION_OFFICER',
      departmentId: centre.id,
      username: 'officer',
      password: PASSWORD,
    });
    await createUser(prisma, { role: 'AUDITOR', departmentId: centre.id, username: 'auditor', password: PASSWORD });
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const run = await startComparisonRun(pool, {
      kind: 'PERIODIC_REVIEW',
      regionCode: '640100',
      asOf,
      householdIds: null,
      chunkSize: null,
    });
    await runComparison(pool, run.id);
    // A department's code is data an administrator quotes to partners (HOUSING), not an untranslated enum.
    for (const { code } of await prisma.department.findMany({ select: { code: true } })) departmentCodes.add(code);
    hub = await startTestApp(database.url);
    // A person looked up, so that the audit log has entries of a verification.
    const token = await hub.logIn('admin', PASSWORD);
    const person = await prisma.person.findFirstOrThrow({ where: { householdId: { not: null } } });
    const looked = await hub.graphql(`{ person(idNumber: "${person.idNumber}") { id } }`, {
      token,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
    });
    expect(looked.errors ?? []).toEqual([]);
    // A township's verification request (核对申请), so that the walk opens its page like any other record.
    const head = uniqueIdNumber({ regionCode: '640104', sex: 'MALE', birthYear: 1970 });
    const submitted = await hub.graphql(
      'mutation ($input: SubmitVerificationRequestInput!) { submitVerificationRequest(input: $input) { id } }',
      {
        token,
        variables: {
          input: {
            reference: `WALK-${uniqueNumber()}`,
            kind: 'MINIMUM_LIVING_GUARANTEE',
            submittedOn: asOf,
            household: { regionCode: '640104', areaType: 'URBAN', address: '兴庆区胜利街8号' },
            members: [{ idNumber: head.idNumber, name: '刘强', relation: 'HEAD' }],
            items: [{ category: 'INCOME', memberIdNumber: head.idNumber, source: 'WAGE', amountFen: '150000' }],
            authorisation: {
              fileName: 'shouquanshu.pdf',
              mediaType: 'application/pdf',
              contentBase64: Buffer.from('%PDF-1.4 授权书').toString('base64'),
              signedOn: asOf,
              signedBy: [head.idNumber],
            },
          },
        },
      },
    );
    expect(submitted.errors ?? []).toEqual([]);
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

  it('finds no console error, failed request, raw code, UUID or fen amount on any page', async () => {
    const started = Date.now();
    const findings: Finding[] = [];
    let visited = 0;
    // Each role in each language walks side by side with the others, in its own context of the one browser.
    async function walk(role: (typeof ROLES)[number], language: (typeof LANGUAGES)[number]) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: SIZES[0] });
      // The language chosen in the app bar is kept in react-admin's store: the same, set before the portal starts.
      if (language === 'en') await context.addInitScript(`localStorage.setItem('RaStore.locale', '"en"')`);
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      const watch = watchPage(page);
      await page.goto(`${hub.url}/#/login`);
      await page.locator('input[name="username"]').fill(users[role]);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByRole('button', { name: /登录|Sign in/ }).click();
      await page.getByText(language === 'en' ? 'Welcome' : '欢迎').waitFor();
      // Every role reads the sharing agreements: its entry shows that the menu has the role's permissions.
      await page.locator('a.MuiMenuItem-root[href="#/SharingAgreement"]').waitFor();
      const menu = await page
        .locator('a.MuiMenuItem-root[href^="#/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(menu.length, `${role} has a menu`).toBeGreaterThan(1);
      for (const size of SIZES.filter((size) => wanted(role, language, size.name))) {
        await page.setViewportSize(size);
        const forms = new Set<string>();
        for (const href of [...menu, ...BEYOND_THE_MENU]) {
          const where = `${role} ${language} ${size.name} ${href}`;
          await open(page, watch, `${hub.url}/${href}`);
          const shot = `walk-${role}-${language}-${size.name}-${href.replace(/[#/]/g, '') || 'dashboard'}`;
          await inspect(page, watch, where, shot);
          if (href === '#/') continue;
          // A list's create button (a floating one on a phone) leads to a form, walked after the menu at phone width,
          // where a form is most likely to break.
          if (size.name === 'phone' && (await page.locator(`a[href="${href}/create"]`).count()) > 0)
            forms.add(`${href}/create`);
          const record = await openFirstRecord(page, watch);
          // A row opens what the role may see: a clickable row that ends on the refusal page is a dead end.
          if (record === '#/access-denied') findings.push({ where, what: 'its first row opens a page it refuses' });
          else if (record) {
            await inspect(page, watch, `${where} → ${record}`, `${shot}-record`);
            // A record's other tabs (a run's results and its changes, ...) are pages of their own.
            // (Not the case inbox's tabs, which the list shows until the record's page replaces it.)
            const tabs = page.locator('main [role="tab"]:not([data-testid="case-inbox-tabs"] *)');
            for (let tab = 1; tab < (await tabs.count()); tab += 1) {
              await tabs.nth(tab).dispatchEvent('click');
              await settle(page, watch);
              await inspect(page, watch, `${where} → ${record} tab ${tab + 1}`, `${shot}-record-tab${tab + 1}`);
            }
          }
        }
        for (const href of forms) {
          await open(page, watch, `${hub.url}/${href}`);
          await inspect(
            page,
            watch,
            `${role} ${language} ${size.name} ${href}`,
            `walk-${role}-${language}-${size.name}-${href.replace(/[#/]/g, '')}`,
          );
        }
      }
      await context.close();
    }

    /** Checks the page, then unfolds its first expandable row (on a phone, the first one inside it too) and checks. */
    async function inspect(page: Page, watch: ReturnType<typeof watchPage>, where: string, shot: string) {
      visited += 1;
      if (process.env.WALK_TRACE) console.info(`${((Date.now() - started) / 1000).toFixed(1)} ${where}`);
      report(await check(page, watch, where));
      if (SCREENSHOTS) await screenshot(page, shot);
      // The second level (an audit entry inside a request) only at phone width, where it is laid out anew.
      const depths = where.includes(' phone ') ? 2 : 1;
      for (let depth = 1; depth <= depths; depth += 1) {
        // Found and clicked in one step inside the page: between a count and a click, a list that re-renders under
        // load could take its row away, and the click would wait for one that never comes (a pair's run, 591bcf4).
        const clicked = await page.locator(EXPANDER).evaluateAll((expanders) => {
          // An HTML element's click(): a real click event, as the browser makes for a pointer.
          (expanders[0] as unknown as { click(): void } | undefined)?.click();
          return expanders.length > 0;
        });
        if (!clicked) return;
        await settle(page, watch);
        visited += 1;
        report(await check(page, watch, `${where} expanded ${depth}`));
        if (SCREENSHOTS) await screenshot(page, `${shot}-expanded${depth}`);
      }
    }

    function report(found: Finding[]) {
      for (const f of found) {
        const known = [...KNOWN_DEFECTS].find(([pattern]) => pattern.test(`${f.where}: ${f.what}`));
        if (known) console.warn(`portal walk, known defect (${known[1]}): ${f.where}: ${f.what}`);
        else findings.push(f);
      }
      if (process.env.WALK_TRACE) for (const f of found) console.info(`  ✗ ${f.where}: ${f.what}`);
    }

    const walks = ROLES.flatMap((role) => LANGUAGES.map((language) => [role, language] as const));
    await Promise.all(walks.filter((names) => wanted(...names)).map(([role, language]) => walk(role, language)));
    const seconds = (Date.now() - started) / 1000;
    console.info(`portal walk: ${visited} pages in ${seconds.toFixed(1)} s`);
    expect(findings.map((f) => `${f.where}: ${f.what}`).sort()).toEqual([]);
    // Its time is printed, not asserted: a busy machine slows it several-fold (docs/development.md). Beside a second
    // copy of the suite and a third walk (load 15–20 on 2 cores) it took 587 s, so the bound is far above that.
  }, 1_200_000);

  /** Console errors and failed requests, collected as they happen and taken by each page's check. */
  function watchPage(page: Page) {
    const problems: string[] = [];
    const pending = new Set<Promise<void>>();
    let inFlight = 0;
    const counted = new Set<unknown>();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // React writes its warnings as a format and arguments ("…%s%s", "Check the render method of `X`"): the
      // arguments name the component, so the finding says where to look.
      const reading = Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')))
        .then((args: unknown[]) => {
          let rest = args.slice(1);
          const text = String(args[0] ?? message.text()).replace(/%[sdo]/g, () => String(rest.shift() ?? ''));
          rest = rest.filter((arg) => typeof arg === 'string');
          problems.push(`console error: ${[text, ...rest].join(' ')}`);
        })
        .catch(() => {
          problems.push(`console error: ${message.text()}`);
        })
        .finally(() => pending.delete(reading));
      pending.add(reading);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.headers().accept?.includes('text/event-stream')) return;
      counted.add(request);
      inFlight += 1;
    });
    const done = (request: unknown) => {
      if (counted.delete(request)) inFlight -= 1;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', (request) => {
      done(request);
      const failure = request.failure()?.errorText ?? '';
      if (!/ERR_ABORTED/.test(failure)) problems.push(`request failed: ${request.url()} ${failure}`);
    });
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${path}`);
      else if (path === '/graphql') {
        const reading = response
          .json()
          .then((body: { errors?: { message: string; extensions?: { code?: string } }[] }) => {
            for (const error of body.errors ?? []) {
              if (error.extensions?.code !== 'FORBIDDEN')
                problems.push(`GraphQL ${error.extensions?.code ?? ''}: ${error.message}`);
            }
          })
          .catch(() => {})
          .finally(() => pending.delete(reading));
        pending.add(reading);
      }
    });
    return {
      /** Resolves once no request has been in flight for two animation frames running. */
      async quiet() {
        for (let calm = 0; calm < 2; ) {
          await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
          calm = inFlight === 0 ? calm + 1 : 0;
        }
        await Promise.all(pending);
      },
      take() {
        return problems.splice(0);
      },
    };
  }

  async function open(page: Page, watch: ReturnType<typeof watchPage>, url: string) {
    await page.goto(url);
    await page.locator('main, #main-content').first().waitFor();
    await settle(page, watch);
  }

  /** Waits until the page has loaded what it shows: no request in flight and no loading indicator. */
  async function settle(page: Page, watch: ReturnType<typeof watchPage>) {
    await watch.quiet();
    await page.waitForFunction(
      // A function, not a string: the portal's Content-Security-Policy refuses eval.
      () =>
        !(globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document.querySelector(
          '.RaLoadingIndicator-loader, .RaLoading-root, .MuiSkeleton-root',
        ),
    );
    await watch.quiet();
  }

  /** Opens the first record of the list on screen, if it has one that opens; returns the record page's address. */
  async function openFirstRecord(page: Page, watch: ReturnType<typeof watchPage>): Promise<string | null> {
    const before = page.url();
    const row = page.locator('.RaDatagrid-clickableRow, main a.MuiListItemButton-root[href^="#/"]').first();
    if ((await row.count()) === 0) return null;
    // A row that unfolds its entries in place (the audit log's requests) opens no page: `inspect` has unfolded it.
    if ((await row.locator('.RaDatagrid-expandIcon').count()) > 0) return null;
    // Straight to the row: on a phone, the closed menu's drawer stays in the page over it.
    await row.dispatchEvent('click');
    // Waited for, not left to the network's quiet: the portal first asks whether the role may open the record, and
    // only then changes the page, so a walk that settled at once sometimes saw a run's tabs and sometimes not.
    await page.waitForURL((url) => url.toString() !== before);
    await settle(page, watch);
    return new URL(page.url()).hash;
  }

  async function check(page: Page, watch: ReturnType<typeof watchPage>, where: string): Promise<Finding[]> {
    const findings: Finding[] = watch.take().map((what) => ({ where, what }));
    // The page's words as written: a button's or tab's upper case (CSS) would read as codes.
    const text = await page.evaluate<string>(`(() => {
      const asWritten = document.createElement('style');
      asWritten.textContent = '* { text-transform: none !important; }';
      document.head.append(asWritten);
      const text = document.body.innerText;
      asWritten.remove();
      return text;
    })()`);
    for (const match of text.match(UUID) ?? []) findings.push({ where, what: `UUID ${match}` });
    for (const match of text.match(ENUM_LIKE) ?? []) {
      if (![...LEGITIMATE_TOKENS.keys()].some((allowed) => allowed.test(match)))
        findings.push({ where, what: `code ${match}` });
    }
    for (const match of text.matchAll(CAMEL_KEY)) findings.push({ where, what: `key ${match[0]} in ${around(match)}` });
    for (const match of text.matchAll(BARE_CODE)) {
      if (!ACRONYMS.has(match[0]) && !departmentCodes.has(match[0]))
        findings.push({ where, what: `code ${match[0]} in ${around(match)}` });
    }
    for (const match of text.matchAll(BARE_MONEY)) {
      if (!YEAR.test(match[0])) findings.push({ where, what: `fen? "${match[0]}"` });
    }
    for (const match of text.match(MALFORMED_YUAN) ?? []) findings.push({ where, what: `yuan? "${match}"` });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    if (overflow > 0) {
      const protruding = (await protrudingElements(page)).join(', ');
      findings.push({ where, what: `page ${overflow}px wider than the screen (${protruding})` });
    }
    const overlap = await titleOverlap(page);
    if (overlap) findings.push({ where, what: overlap });
    for (const text of await chineseOneCharacterPerLine(page))
      findings.push({ where, what: `squeezed into a column: "${text}"` });
    return dedupe(findings);
  }
});

/** The text around a match, on one line, to find it on the page. */
function around(match: RegExpMatchArray): string {
  const at = match.index ?? 0;
  return JSON.stringify(match.input?.slice(Math.max(0, at - 30), at + match[0].length + 30).replace(/\s+/g, ' '));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.where}|${f.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
