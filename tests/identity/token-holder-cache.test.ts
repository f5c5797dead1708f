import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Issue 18: each instance keeps the holders of the access tokens it has seen, so that a partner's request does not
// look its token up again; the database announces every change to what a token stands for, whoever makes it.
const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const operator = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(() => operator.end());

const DEPARTMENTS = '{ departments { code } }';
let departmentId: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: region.code })).id;
});

const codeOf = async (token: string) => (await hub.graphql(DEPARTMENTS, { token })).errors?.[0]?.extensions?.code;
const answers = async (token: string) => (await codeOf(token)) === undefined;
// A notification is delivered when the operator's transaction commits; the hub hears it a moment later.
const HEARD = { timeout: 30_000, interval: 50 };

describe('access tokens kept in memory', () => {
  it('answers a token it has seen without reading access_tokens, and reads it for one it has not', async () => {
    const seen = await createPartnerToken(hub.prisma, departmentId);
    const unseen = await createPartnerToken(hub.prisma, departmentId);
    expect(await answers(seen)).toBe(true);
    const lock = await operator.connect();
    try {
      // No statement can read access_tokens while this transaction holds it.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE access_tokens IN ACCESS EXCLUSIVE MODE');
      // Were it read again, it would wait on the lock: given 10 s, it is refused as blocked rather than hang the test.
      const blocked = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 10_000).unref());
      expect(await Promise.race([answers(seen), blocked])).toBe(true);
      let settled = false;
      const waiting = answers(unseen).finally(() => {
        settled = true;
      });
      // The unseen token's lookup waits on the lock until the operator lets go.
      await expect
        .poll(
          () =>
            operator.query(
              `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'access_tokens'::regclass AND NOT granted`,
            ),
          HEARD,
        )
        .toMatchObject({ rows: [{ n: 1 }] });
      expect(settled).toBe(false);
      await lock.query('ROLLBACK');
      expect(await waiting).toBe(true);
    } finally {
      lock.release();
    }
  });

  it("forgets a token once an operator's SQL revokes it, shortens it or revokes its client", async () => {
    const changes = [
      `UPDATE access_tokens SET revoked_at = now() WHERE token_hash = $1`,
      `UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      `UPDATE api_clients SET revoked_at = now() WHERE id = (SELECT api_client_id FROM access_tokens WHERE token_hash = $1)`,
      `DELETE FROM access_tokens WHERE token_hash = $1`,
    ];
    for (const change of changes) {
      const token = await createPartnerToken(hub.prisma, departmentId);
      expect(await answers(token)).toBe(true);
      expect(await answers(token)).toBe(true);
      const hash = (await hub.prisma.accessToken.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).tokenHash;
      await operator.query(change, [hash]);
      await expect.poll(() => codeOf(token), HEARD).toBe('UNAUTHENTICATED');
    }
  });

  it('gives a kept token up once it expires, without being told', async () => {
    const token = await createPartnerToken(hub.prisma, departmentId);
    const hash = (await hub.prisma.accessToken.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).tokenHash;
    // A token about to expire: kept on its first use, and refused on the first use after its end.
    await operator.query(
      `ALTER TABLE access_tokens DISABLE TRIGGER access_tokens_changed;
       UPDATE access_tokens SET expires_at = now() + interval '2 seconds' WHERE token_hash = '${hash}';
       ALTER TABLE access_tokens ENABLE ALWAYS TRIGGER access_tokens_changed`,
    );
    expect(await answers(token)).toBe(true);
    await expect.poll(() => codeOf(token), HEARD).toBe('UNAUTHENTICATED');
  });

  it("does not forget its tokens when a client's last use is recorded", async () => {
    const { rows } = await operator.query<{ tgname: string; enabled: string }>(
      `SELECT tgname, tgenabled AS enabled FROM pg_trigger
        WHERE tgrelid IN ('access_tokens'::regclass, 'api_clients'::regclass) AND NOT tgisinternal ORDER BY tgname`,
    );
    // Fired always (A), even under session_replication_role = replica.
    expect(rows).toEqual([
      { tgname: 'access_tokens_changed', enabled: 'A' },
      { tgname: 'api_clients_changed', enabled: 'A' },
      { tgname: 'api_clients_removed', enabled: 'A' },
    ]);
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query('LISTEN hub_token_holders_changed');
    try {
      await operator.query(`UPDATE api_clients SET last_used_at = now()`);
      await operator.query(`UPDATE api_clients SET name = name || '.' WHERE false`);
      await operator.query(`UPDATE api_clients SET revoked_at = revoked_at`);
      await operator.query(`UPDATE access_tokens SET revoked_at = revoked_at WHERE false`);
      await expect.poll(() => heard, HEARD).toEqual(['access_tokens']);
    } finally {
      await listener.end();
    }
  });
});
