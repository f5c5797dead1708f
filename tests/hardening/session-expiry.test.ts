import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const TTL_MS = 2 * 60 * 60_000;
const IDLE_MS = 10 * 60_000;
const hub = await startTestApp(db.url, { sessions: { ttlMs: TTL_MS, idleMs: IDLE_MS } });

const PERSON = '{ person(idNumber: "11010519491231002X") { name } }';
let departmentId: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code })).id;
});

async function logIn() {
  const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
  const token = await hub.logIn(user.username, password);
  const session = await hub.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
  return { token, session };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const codeOf = async (token: string) => (await hub.graphql(PERSON, { token })).errors?.[0]?.extensions?.code;
const meOf = async (token: string) =>
  (await hub.graphql<{ me: { id: string } | null }>('{ me { id } }', { token })).data?.me;

describe('session expiry', () => {
  it('starts a session with the configured absolute lifetime and idle timeout', async () => {
    const { session } = await logIn();
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(TTL_MS);
    expect(session.idleTimeoutSeconds).toBe(IDLE_MS / 1000);
  });

  it('ends a session idle longer than its timeout: UNAUTHENTICATED', async () => {
    const { token, session } = await logIn();
    expect(await meOf(token)).toMatchObject({ id: session.userId });
    await hub.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: minutesAgo(11) } });
    expect(await meOf(token)).toBeNull();
    expect(await codeOf(token)).toBe('UNAUTHENTICATED');
  });

  it('keeps a session in use alive: each request (to the minute) moves its idle deadline', async () => {
    const { token, session } = await logIn();
    await hub.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: minutesAgo(9) } });
    expect(await meOf(token)).toMatchObject({ id: session.userId });
    const touched = await hub.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);
    await hub.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: minutesAgo(9) } });
    expect(await meOf(token)).toMatchObject({ id: session.userId });
  });

  it('ends a session at its absolute expiry however busy it is: UNAUTHENTICATED', async () => {
    const { token, session } = await logIn();
    await hub.prisma.session.update({
      where: { id: session.id },
      data: { expiresAt: minutesAgo(1), lastSeenAt: new Date() },
    });
    expect(await meOf(token)).toBeNull();
    expect(await codeOf(token)).toBe('UNAUTHENTICATED');
  });
});
