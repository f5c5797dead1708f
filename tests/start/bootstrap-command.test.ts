import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

// A hub without the demo has no user at all: `./hub bootstrap` makes the centre's department and first administrator.

const database = await createTestDatabase();
let hub: Awaited<ReturnType<typeof startTestApp>>;
let regionCode: string;
const dataDirectory = mkdtempSync(join(tmpdir(), 'hub-bootstrap-'));
const arguments_ = (region: string, username = 'chief') => [
  'bootstrap',
  '--data-dir',
  dataDirectory,
  '--department-code',
  'CIVIL_AFFAIRS_TEST',
  '--department-name',
  '上饶市民政局',
  '--region',
  region,
  '--username',
  username,
];

beforeAll(async () => {
  hub = await startTestApp(database.url);
  regionCode = (await createRegionTree(hub.prisma)).city.code;
});

describe('./hub bootstrap', () => {
  it('refuses a region the hub does not have, and creates nothing', async () => {
    const answer = await runHubCommand(arguments_('999999'), database.url);
    expect(answer.code).toBe(1);
    expect(answer.output).toMatch(/regionCode.*999999/);
    expect(await hub.prisma.department.count({ where: { code: 'CIVIL_AFFAIRS_TEST' } })).toBe(0);
  });

  it('refuses a weak HUB_ADMIN_PASSWORD before it writes anything', async () => {
    const answer = await runHubCommand(arguments_(regionCode), database.url, { HUB_ADMIN_PASSWORD: 'aaaaaaaaaaaa' });
    expect(answer.code).toBe(1);
    expect(answer.output).toContain('HUB_ADMIN_PASSWORD');
    expect(await hub.prisma.user.count({ where: { username: 'chief' } })).toBe(0);
  });

  it('creates the department and an administrator whose password is only in a 0600 file, who can log in', async () => {
    const answer = await runHubCommand(arguments_(regionCode), database.url, { HUB_ADMIN_PASSWORD: undefined });
    expect(answer.code, answer.output).toBe(0);
    const file = join(dataDirectory, 'initial-chief-password');
    const password = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(answer.output).not.toContain(password);
    const department = await hub.prisma.department.findUniqueOrThrow({ where: { code: 'CIVIL_AFFAIRS_TEST' } });
    expect(department).toMatchObject({ kind: 'CIVIL_AFFAIRS', regionCode, name: '上饶市民政局' });
    const user = await hub.prisma.user.findUniqueOrThrow({ where: { username: 'chief' } });
    expect(user).toMatchObject({ role: 'ADMIN', departmentId: department.id });
    expect(await hub.logIn('chief', password)).toEqual(expect.any(String));

    const again = await runHubCommand(arguments_(regionCode), database.url, { HUB_ADMIN_PASSWORD: undefined });
    expect(again.code).toBe(0);
    expect(again.output).toContain('user chief exists; its password is unchanged');
    expect(readFileSync(file, 'utf8').trim()).toBe(password);
    expect(await hub.prisma.user.count({ where: { username: 'chief' } })).toBe(1);
  });
});
