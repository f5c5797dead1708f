import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@hub/server/database/embedded-database';
import { afterAll, describe, expect, it } from 'vitest';
import { type HubProcess, runHubCommand, startHubProcess } from '../support/hub-process.ts';

// The commands of docs/operations.md ("Backups", embedded PostgreSQL), run as written from the folder that holds
// `.hub-data`. The restore names the archive the backup made (the docs show it with a date).
const BACKUP = 'tar -C .hub-data -czf hub-data-$(date +%F).tar.gz .';
const RESTORE = (archive: string) => `mkdir hub-data-restored && tar -C hub-data-restored -xzpf ${archive}`;
const operations = readFileSync(join(import.meta.dirname, '../../docs/operations.md'), 'utf8');

async function graphql(url: string, query: string, variables: object = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-purpose': 'PERIODIC_REVIEW',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function logIn(url: string, password: string): Promise<string> {
  const result = await graphql(
    url,
    'mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { token } }',
    {
      u: 'admin',
      p: password,
    },
  );
  const token = (result.data?.logIn as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(result)}`);
  return token;
}

const PERSON_QUERY = `query($id: String!) { person(idNumber: $id) {
  name household { members { idNumber } } hukou { status } bankAccounts { balanceFen } wealthProducts { marketValueFen }
} }`;

/** `hub audit verify` on a data folder (the running hub's database, or started for the command): its entry count. */
async function verifiedEntries(dataDirectory: string): Promise<number> {
  const { code, output } = await runHubCommand(['audit', 'verify', '--data-dir', dataDirectory], '', {
    DATABASE_URL: undefined,
  });
  expect(code, output).toBe(0);
  const intact = /audit chain intact: (\d+) entries/.exec(output);
  expect(intact, output).not.toBeNull();
  return Number(intact?.[1]);
}

function shell(command: string, cwd: string): void {
  execFileSync('sh', ['-c', command], { cwd, stdio: 'pipe' });
}

describe('a backup of the embedded hub (docs/operations.md, "Backups")', () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-backup-'));
  // As root the embedded server runs as another OS user, who must be able to enter the folders.
  chmodSync(folder, 0o755);
  const original = join(folder, '.hub-data');
  const restored = join(folder, 'hub-data-restored');
  let hub: HubProcess | undefined;
  afterAll(async () => {
    await hub?.stop('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('is the documented procedure', () => {
    expect(operations).toContain(BACKUP);
    expect(operations).toContain(RESTORE('hub-data-2026-12-01.tar.gz'));
    expect(operations).toContain('./hub start --data-dir hub-data-restored');
    expect(operations).toContain('./hub audit verify --data-dir hub-data-restored');
  });

  it('restores into a new folder: the hub starts there, its audit chain verifies, data answers as before and new entries chain on', async () => {
    const port = () => findFreePort().then(String);
    hub = await startHubProcess(['start', '--port', await port(), '--data-dir', original, '--demo-persons', '200']);
    const password = readFileSync(join(original, 'initial-admin-password'), 'utf8').trim();
    const manifest = JSON.parse(readFileSync(join(original, 'demo-manifest.json'), 'utf8'));
    const planted = manifest.plantedCases.find((c: { kind: string }) => c.kind === 'DEPOSITS_OVER_LIMIT');
    const token = await logIn(hub.url, password);
    const household = await graphql(
      hub.url,
      'query($id: ID!) { household(id: $id) { members { id idNumber } } }',
      { id: planted.householdId },
      token,
    );
    const members = (household.data as { household: { members: { id: string; idNumber: string }[] } }).household
      .members;
    const idNumber = members.find((member) => member.id === planted.personId)?.idNumber;
    const before = await graphql(hub.url, PERSON_QUERY, { id: idNumber }, token);
    expect(before.errors).toBeUndefined();
    const person = (before.data as { person: { bankAccounts: unknown[]; wealthProducts: unknown[] } }).person;
    expect(person.bankAccounts.length + person.wealthProducts.length).toBeGreaterThan(0);
    const entriesAtBackup = await verifiedEntries(original);
    expect(entriesAtBackup).toBeGreaterThan(0);

    // Back up: stop the hub cleanly, archive its whole data folder.
    expect(await hub.stop('SIGTERM')).toBe(0);
    hub = undefined;
    shell(BACKUP, folder);
    const archive = readdirSync(folder).find((name) => /^hub-data-\d{4}-\d{2}-\d{2}\.tar\.gz$/.test(name));
    expect(archive).toBeDefined();

    // Restore into a new folder and start there; the original folder is gone.
    rmSync(original, { recursive: true, force: true });
    shell(RESTORE(archive as string), folder);
    hub = await startHubProcess(['start', '--port', await port(), '--data-dir', restored]);
    expect(hub.output()).not.toContain('seeding the demo region');
    expect(await verifiedEntries(restored)).toBeGreaterThanOrEqual(entriesAtBackup);

    const again = await logIn(hub.url, password);
    expect(await graphql(hub.url, PERSON_QUERY, { id: idNumber }, again)).toEqual(before);
    // The login and the disclosure just made were appended after the restored entries, and the chain still holds.
    expect(await verifiedEntries(restored)).toBeGreaterThan(entriesAtBackup);
    expect(await hub.stop('SIGTERM')).toBe(0);
    hub = undefined;
    // Two hub starts, a tar of the data dir and a restore: minutes on a busy machine.
  });
});
