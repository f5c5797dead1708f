import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient } from '@hub/prisma';
import { findFreePort } from '@hub/server/database/embedded-database';
import { findRunningEmbeddedDatabase } from '@hub/server/database/find-running-embedded-database';
import { seedDemoOnFirstStart } from '@hub/server/demo/seed-demo-on-first-start';
import type { TryItList } from '@hub/server/demo/try-it-list';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';
import { type Finished, finished, type HubProcess, startHubProcess } from '../support/hub-process.ts';

// A fresh data folder as a newcomer gets it: the demo a partner can try, and the ./hub commands that work on it.

const repositoryRoot = join(import.meta.dirname, '../..');
const PERSONS = '300';
const seedDatabase = await createTestDatabase();
const secondDemoDatabase = await createTestDatabase();

function dataFolder(): string {
  const directory = mkdtempSync(join(tmpdir(), 'hub-fresh-'));
  // mkdtemp makes it private; as root the embedded server runs as another OS user, who must be able to enter it.
  chmodSync(directory, 0o755);
  return directory;
}

/** `./hub <args>` run from another directory, as a user would, with no DATABASE_URL unless given. */
function hub(args: string[], env: Record<string, string | undefined> = {}): Promise<Finished> {
  const child = spawn(join(repositoryRoot, 'hub'), args, {
    cwd: tmpdir(),
    env: { ...process.env, DATABASE_URL: undefined, HUB_DATA_DIR: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child);
}

async function post(url: string, path: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type Answer = { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };

async function graphql(url: string, token: string, purpose: string, query: string, variables: object = {}) {
  const { body } = await post(
    url,
    '/graphql',
    { query, variables },
    { authorization: `Bearer ${token}`, 'x-hub-purpose': purpose },
  );
  return body as Answer;
}

async function logIn(url: string, username: string, password: string): Promise<string> {
  const answer = (
    await post(url, '/graphql', {
      query: 'mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { token } }',
      variables: { u: username, p: password },
    })
  ).body as Answer;
  const token = (answer.data?.logIn as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(answer)}`);
  return token;
}

const read = (directory: string, file: string) => readFileSync(join(directory, file), 'utf8').trim();

/** Rows of the demo partner's set-up, counted straight from the hub's embedded database. */
async function partnerRows(directory: string) {
  const database = findRunningEmbeddedDatabase(join(directory, 'postgres'));
  if (!database) throw new Error('no embedded database is running');
  const prisma = createPrismaClient(database.urlFor('hub'), { maxConnections: 1 });
  try {
    const housing = await prisma.department.findUniqueOrThrow({ where: { code: 'HOUSING_640100' } });
    const agreements = await prisma.sharingAgreement.findMany({
      where: { consumerDepartmentId: housing.id },
      select: {
        code: true,
        status: true,
        author: { select: { username: true } },
        approver: { select: { username: true } },
      },
      orderBy: { code: 'asc' },
    });
    return {
      users: await prisma.user.count(),
      housingClients: await prisma.apiClient.count({ where: { departmentId: housing.id } }),
      agreements,
      housingConsents: await prisma.consent.count({ where: { departmentId: housing.id } }),
      persons: await prisma.person.count(),
    };
  } finally {
    await prisma.$disconnect();
  }
}

// Each test here may start a hub on a data folder of its own (initdb, migrations, the demo seed): on a loaded
// 2-core machine that alone has taken more than a minute (more than two at load 15), inside the 300 s of a test
// and the 600 s of the first start in beforeAll (vitest.config.ts).
describe('the demo a partner can try', () => {
  const directory = dataFolder();
  let port: string;
  let running: HubProcess | undefined;
  let list: TryItList;
  afterAll(async () => {
    await running?.stop('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });
  beforeAll(async () => {
    port = String(await findFreePort());
    running = await startHubProcess(['start', '--port', port, '--data-dir', directory, '--demo-persons', PERSONS], {
      HUB_REVIEWER_PASSWORD: undefined,
    });
    list = JSON.parse(read(directory, 'demo-try-it.json'));
  });

  it('writes the reviewer password and HOUSING client id and secret (0600) and the try-it list on the first start', () => {
    for (const file of ['initial-reviewer-password', 'housing-client-id', 'housing-client-secret']) {
      expect(statSync(join(directory, file)).mode & 0o777, file).toBe(0o600);
    }
    expect(read(directory, 'housing-client-id')).toMatch(/^hc_/);
    const output = running?.output() ?? '';
    expect(output).toContain(join(directory, 'demo-try-it.json'));
    expect(output).not.toContain(read(directory, 'housing-client-secret'));
    expect(output).not.toContain(read(directory, 'initial-reviewer-password'));

    expect(list.purpose).toBe('HOUSING_SUBSIDY');
    const manifest = JSON.parse(read(directory, 'demo-manifest.json'));
    const plantedKinds = [
      ...new Set(manifest.plantedCases.map((planted: { kind: string }) => `PLANTED_${planted.kind}`)),
    ];
    expect(list.persons.map((person) => person.kind).sort()).toEqual(
      ['ORDINARY', 'MINIMUM_LIVING_GUARANTEE', ...plantedKinds].sort(),
    );
    for (const person of list.persons) expect(person.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it("lets HOUSING's client take a token over HTTP and ask the walk-through's questions about the try-it persons", async () => {
    const token = await post(`http://127.0.0.1:${port}`, '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: read(directory, 'housing-client-id'),
      client_secret: read(directory, 'housing-client-secret'),
    });
    expect(token.status).toBe(200);
    const accessToken = token.body.access_token as string;
    const ask = (idNumber: string) =>
      graphql(
        running?.url ?? '',
        accessToken,
        list.purpose,
        `query($id: String!) {
          householdOf(idNumber: $id) { receivesMinimumLivingGuarantee currentAssistance { kind since } }
          person(idNumber: $id) { name idNumber ownsVehicle }
        }`,
        { id: idNumber },
      );
    const byKind = (kind: string) => list.persons.find((person) => person.kind === kind) as TryItList['persons'][0];

    const recipient = byKind('MINIMUM_LIVING_GUARANTEE');
    const answer = await ask(recipient.idNumber);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.householdOf).toMatchObject({
      receivesMinimumLivingGuarantee: true,
      currentAssistance: [{ kind: 'MINIMUM_LIVING_GUARANTEE', since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }],
    });
    expect(answer.data?.person).toEqual({
      name: `${recipient.name[0]}${'*'.repeat(recipient.name.length - 1)}`,
      idNumber: `${recipient.idNumber.slice(0, 6)}********${recipient.idNumber.slice(14)}`,
      ownsVehicle: false,
    });

    // Vehicles are consent-bound: the ordinary resident signed nothing for HOUSING, the planted owner did.
    const ordinary = await ask(byKind('ORDINARY').idNumber);
    expect(ordinary.data?.householdOf).toEqual({ receivesMinimumLivingGuarantee: false, currentAssistance: [] });
    expect(ordinary.errors?.map((error) => [error.extensions?.dataItem, error.extensions?.reason])).toEqual([
      ['VEHICLES', 'CONSENT_REQUIRED'],
    ]);
    const owner = await ask(byKind('PLANTED_UNDECLARED_VEHICLE').idNumber);
    expect(owner.data?.person).toMatchObject({ ownsVehicle: true });
  });

  it('finds a try-it person by the name the list prints', async () => {
    const token = await logIn(running?.url ?? '', 'admin', read(directory, 'initial-admin-password'));
    const recipient = list.persons[1] as TryItList['persons'][0];
    const answer = await graphql(
      running?.url ?? '',
      token,
      'MINIMUM_LIVING_GUARANTEE',
      'query($name: String!) { persons(name: $name) { edges { node { idNumber name } } } }',
      { name: recipient.name },
    );
    const found = (answer.data?.persons as { edges: { node: { idNumber: string } }[] } | undefined)?.edges.map(
      (e) => e.node.idNumber,
    );
    expect(found).toContain(recipient.idNumber);
  });

  it("has HOUSING's agreements drafted by admin and approved by reviewer, and duplicates nothing on a restart", async () => {
    const before = await partnerRows(directory);
    // Verification (persons, household composition) and 转介 referrals (docs/discrepancy-cases.md).
    const active = { status: 'ACTIVE', author: { username: 'admin' }, approver: { username: 'reviewer' } };
    expect(before.agreements).toHaveLength(3);
    expect(before.agreements).toEqual(before.agreements.map(() => expect.objectContaining(active)));
    expect(before.agreements.map((agreement) => agreement.code)).toContainEqual(expect.stringMatching(/-REFERRAL$/));
    expect(before.housingClients).toBe(1);
    expect(before.housingConsents).toBeGreaterThanOrEqual(list.persons.length - 1);
    const secret = read(directory, 'housing-client-secret');
    expect(await running?.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(directory, 'hub.json'))).toBe(false);

    // A record left by a hub that crashed names a process that is gone: it does not stop the next start.
    const gone = spawn(process.execPath, ['-e', '']);
    await finished(gone);
    writeFileSync(join(directory, 'hub.json'), JSON.stringify({ pid: gone.pid, url: 'http://127.0.0.1:1' }));
    running = await startHubProcess(['start', '--port', port, '--data-dir', directory]);
    expect(running.output()).not.toContain('seeding');
    expect(await partnerRows(directory)).toEqual(before);
    expect(read(directory, 'housing-client-secret')).toBe(secret);
    expect(JSON.parse(read(directory, 'demo-try-it.json'))).toEqual(list);
  });

  it('lists the same identity numbers on every fresh start', async () => {
    // The first start's seeding, in this process on a database of its own (an embedded server's initdb is the
    // slow part of a start and is not what is compared here): the same persons, a new client id.
    const other = dataFolder();
    try {
      await seedDemoOnFirstStart({
        databaseUrl: secondDemoDatabase.url,
        dataDirectory: other,
        force: false,
        embedded: true,
        persons: Number(PERSONS),
      });
      expect(JSON.parse(read(other, 'demo-try-it.json'))).toEqual(list);
      expect(read(other, 'housing-client-id')).not.toBe(read(directory, 'housing-client-id'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  describe('./hub commands on the data folder', () => {
    it('work on the running hub’s database from any directory', async () => {
      const verified = await hub(['audit', 'verify', '--data-dir', directory]);
      expect(verified).toMatchObject({ code: 0, output: expect.stringContaining('audit chain intact') });
      const table = await hub(['demo', 'try-it', '--data-dir', directory]);
      expect(table.code).toBe(0);
      for (const person of list.persons) expect(table.output).toContain(person.idNumber);
    });

    it('end quietly when their reader has gone, as under `| head`', async () => {
      const child = spawn(join(repositoryRoot, 'hub'), ['demo', 'try-it', '--data-dir', directory], {
        cwd: tmpdir(),
        env: { ...process.env, DATABASE_URL: undefined, HUB_DATA_DIR: undefined },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The reading end closes before the command prints its first line: every write it makes meets EPIPE.
      child.stdout?.destroy();
      let errors = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(errors).not.toContain('EPIPE');
      expect(code, errors).toBe(0);
    });

    it('start the embedded database when no hub runs, stop it after, and exit', async () => {
      expect(await running?.stop('SIGTERM')).toBe(0);
      running = undefined;
      const verified = await hub(['audit', 'verify', '--data-dir', directory]);
      expect(verified).toMatchObject({ code: 0, output: expect.stringContaining('audit chain intact') });
      expect(existsSync(join(directory, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
    });

    it('say to start first when the data folder has no database yet', async () => {
      const empty = dataFolder();
      try {
        const answer = await hub(['audit', 'verify'], { HUB_DATA_DIR: empty });
        expect(answer.code).toBe(1);
        expect(answer.output).toContain(`no hub database in ${empty} yet: run the start command first`);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });

    it('exit when done: seed --manifest into DATABASE_URL', async () => {
      const manifest = join(mkdtempSync(join(tmpdir(), 'hub-seed-')), 'manifest.json');
      const seeded = await hub(['seed', '--persons', '200', '--manifest', manifest], {
        DATABASE_URL: seedDatabase.url,
      });
      expect(seeded.code, seeded.output).toBe(0);
      expect(JSON.parse(readFileSync(manifest, 'utf8')).persons).toBe(200);
    });
  });

  it('stops under pnpm start on Ctrl-C with exit code 0 and no lifecycle failure', { timeout: 660_000 }, async () => {
    expect(running).toBeUndefined();
    const child = spawn('pnpm', ['start', '--data-dir', directory, '--port', port], {
      cwd: repositoryRoot,
      // Its own process group, as a terminal's foreground job: Ctrl-C signals every process in it.
      detached: true,
      env: { ...process.env, DATABASE_URL: undefined, HUB_DATA_DIR: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = finished(child);
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    // A bound of its own, well inside the test's, so that a start or a stop that hangs fails with what it printed.
    const give = (stage: string) =>
      setTimeout(() => {
        process.kill(-(child.pid as number), 'SIGKILL');
        console.error(`pnpm start did not ${stage} in time; it printed:\n${seen}`);
      }, 300_000).unref();
    const starting = give('get ready');
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('hub ready') && resolve());
      void result.then(({ output }) => reject(new Error(`pnpm start ended before it was ready:\n${output}`)));
    });
    clearTimeout(starting);
    process.kill(-(child.pid as number), 'SIGINT');
    const stopping = give('stop');
    const { code, output } = await result;
    clearTimeout(stopping);
    expect(output, output).toContain('stopped');
    expect(output, output).not.toContain('ELIFECYCLE');
    expect(code, output).toBe(0);
  });
});
