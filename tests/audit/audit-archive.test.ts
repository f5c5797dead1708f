import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveAuditMonths } from '@hub/server/audit/archive-audit-months';
import { signArchiveHeader } from '@hub/server/audit/audit-archive-file';
import { type AuditCheckpoint, signCheckpoint } from '@hub/server/audit/audit-checkpoint';
import { auditRetentionMonths } from '@hub/server/audit/audit-retention';
import { auditEntryHash, type StoredAuditEntry } from '@hub/server/audit/canonical-audit-entry';
import { ensureAuditSigningKey } from '@hub/server/audit/ensure-audit-signing-key';
import { insertAuditEntries } from '@hub/server/audit/insert-audit-entries';
import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryDraft, insertBackdatedAuditEntries } from '../factories/audit-entries.ts';
import { writeCheckpointFile } from '../factories/signed-audit-chain.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

// Issue 16, point 6: the trail is partitioned by China Standard Time month; months past the retention (at least 6,
// 网络安全法 art. 21) are exported to signed archive files that verify offline, and dropped.
const db = await createTestDatabase();
const owner = new pg.Pool({ connectionString: db.url, max: 2 });
const hub = new pg.Pool({ connectionString: db.runtimeUrl, max: 1 });
const folder = mkdtempSync(join(tmpdir(), 'hub-audit-archive-'));
const archives = join(folder, 'archives');
const keyFile = join(folder, 'signing-key.pem');
const { privateKey, publicKey } = ensureAuditSigningKey(keyFile);
afterAll(async () => {
  await Promise.all([owner.end(), hub.end()]);
  rmSync(folder, { recursive: true, force: true });
});

// Months counted back from the current China Standard Time month; every date is in the past.
const cstNow = new Date(Date.now() + 8 * 3_600_000);
const inMonthsAgo = (months: number, day: number) =>
  new Date(Date.UTC(cstNow.getUTCFullYear(), cstNow.getUTCMonth() - months, day, 10 - 8));
const monthLabel = (months: number) => inMonthsAgo(months, 1).toISOString().slice(0, 7);
const partitionOf = (months: number) => `audit_entries_${monthLabel(months).replace('-', '')}`;
const ARCHIVED = [10, 9, 8, 7];
const checkpointFile = join(folder, 'audit', 'checkpoints.jsonl');
let checkpoints: AuditCheckpoint[] = [];
const fileOf = (months: number) => join(archives, `audit-${monthLabel(months)}.jsonl`);

const partitionExists = async (name: string) =>
  (await owner.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name])).rows[0]?.found;
const archiveEvents = async () =>
  (
    await owner.query<{ month: string; entries: number }>(
      `SELECT change->>'month' AS month, (change->>'entries')::int AS entries FROM audit_entries
        WHERE event = 'AUDIT_MONTH_ARCHIVED' ORDER BY sequence`,
    )
  ).rows;

function runAudit(args: string[], env: Record<string, string> = {}) {
  return runHubCommand(['audit', ...args, '--data-dir', folder], db.url, { HUB_AUDIT_SIGNING_KEY: keyFile, ...env });
}

beforeAll(async () => {
  // Three entries in the oldest month, two in each next, one three months ago: then today's.
  const dated = [
    ...[3, 12, 25].map((day) => inMonthsAgo(10, day)),
    ...ARCHIVED.slice(1).flatMap((months) => [inMonthsAgo(months, 4), inMonthsAgo(months, 20)]),
    inMonthsAgo(3, 15),
  ];
  await insertBackdatedAuditEntries(
    owner,
    dated.map((occurredAt, n) => auditEntryDraft({ occurredAt, operation: `old${n}` })),
  );
  await insertAuditEntries(hub, [auditEntryDraft({ operation: 'today' }), auditEntryDraft({ operation: 'today' })]);
  // Checkpoints a witness kept: one over entry 3 (to be archived), one over entry 10 (stays online).
  const { rows } = await owner.query<{ sequence: string; hash: string; databaseTime: string }>(
    `SELECT sequence::text, entry_hash AS hash,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "databaseTime"
       FROM audit_entries WHERE sequence IN (3, 10) ORDER BY sequence`,
  );
  checkpoints = rows.map((head) => signCheckpoint(head, privateKey));
  mkdirSync(join(folder, 'audit'));
  writeCheckpointFile(checkpointFile, checkpoints);
});

describe('monthly partitions of the audit trail', () => {
  it('puts each entry in its China Standard Time month', async () => {
    const { rows } = await owner.query<{ partition: string; entries: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS entries FROM audit_entries GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.slice(0, 5)).toEqual([
      { partition: partitionOf(10), entries: 3 },
      { partition: partitionOf(9), entries: 2 },
      { partition: partitionOf(8), entries: 2 },
      { partition: partitionOf(7), entries: 2 },
      { partition: partitionOf(3), entries: 1 },
    ]);
  });

  it('has the partitions of the coming three months already', async () => {
    for (const ahead of [1, 2, 3]) expect(await partitionExists(partitionOf(-ahead))).toBe(true);
  });

  it('has hub migrate make a missing coming month again', async () => {
    await owner.query(`DROP TABLE ${partitionOf(-3)}`);
    const { code, output } = await runHubCommand(['migrate'], db.url);
    expect(output).toContain('the database is up to date');
    expect(code).toBe(0);
    expect(await partitionExists(partitionOf(-3))).toBe(true);
  });

  it.each([
    ['DROP a month', () => `DROP TABLE ${partitionOf(10)}`, /must be owner/],
    ['DETACH a month', () => `ALTER TABLE audit_entries DETACH PARTITION ${partitionOf(10)}`, /must be owner/],
    ['DELETE from a month', () => `DELETE FROM ${partitionOf(10)}`, /permission denied/],
    ['TRUNCATE a month', () => `TRUNCATE ${partitionOf(10)}`, /permission denied/],
    ['UPDATE a month', () => `UPDATE ${partitionOf(10)} SET actor_name = 'x'`, /permission denied/],
    ['making any month', () => `SELECT audit_entries_ensure_partition('2020-01-01')`, /permission denied/],
  ])("refuses the hub's role to %s", async (_name, sql, refusal) => {
    await expect(hub.query(sql())).rejects.toThrow(refusal);
    expect(await partitionExists(partitionOf(10))).toBe(true);
  });

  it("lets the hub's role make the coming months, and those only", async () => {
    const { rows } = await hub.query<{ months: number }>('SELECT audit_entries_ensure_coming_partitions(3) AS months');
    expect(rows[0]?.months).toBe(4);
    const { rows: owners } = await owner.query<{ owner: string }>(
      `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_entries'::regclass`,
    );
    const { rows: me } = await hub.query<{ role: string }>('SELECT current_user AS role');
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.map((row) => row.owner)).not.toContain(me[0]?.role);
  });
});

describe('retention', () => {
  it('is 6 months unless set, and refuses fewer, citing 网络安全法 art. 21', async () => {
    expect(auditRetentionMonths({})).toBe(6);
    expect(auditRetentionMonths({ HUB_AUDIT_RETENTION_MONTHS: '12' })).toBe(12);
    expect(() => auditRetentionMonths({ HUB_AUDIT_RETENTION_MONTHS: '5' })).toThrow(/网络安全法.*art\. 21/);
    expect(() => auditRetentionMonths({ HUB_AUDIT_RETENTION_MONTHS: 'six' })).toThrow(/refused/);
    const { code, output } = await runAudit(['archive', '--dir', archives], { HUB_AUDIT_RETENTION_MONTHS: '5' });
    expect(code).toBe(1);
    expect(output).toContain('HUB_AUDIT_RETENTION_MONTHS=5 is refused');
    expect(await partitionExists(partitionOf(10))).toBe(true);
  });

  // A `hub start` process of its own: on a busy machine loading the CLI alone can take most of a minute.
  it('is refused at start too, before anything starts', async () => {
    const { code, output } = await runHubCommand(['start', '--data-dir', join(folder, 'never')], db.url, {
      HUB_AUDIT_RETENTION_MONTHS: '3',
    });
    expect(output).toContain('HUB_AUDIT_RETENTION_MONTHS=3 is refused');
    expect(output).toContain('网络安全法 第二十一条');
    expect(code).toBe(1);
    expect(existsSync(join(folder, 'never'))).toBe(false);
  });
});

describe('hub audit archive', () => {
  it('never drops a month whose file fails verification', async () => {
    const stranger = generateKeyPairSync('ed25519').publicKey;
    await expect(
      archiveAuditMonths(owner, { directory: archives, retentionMonths: 6, privateKey, publicKeys: [stranger] }),
    ).rejects.toThrow(/failed verification, so the month stays in the database: SIGNATURE_INVALID/);
    expect(await partitionExists(partitionOf(10))).toBe(true);
    expect(await archiveEvents()).toEqual([]);
  });

  it('redoes a month that a crash left half-done, then archives every month past the retention', async () => {
    // What a crash leaves: a partial file, or a whole one whose month was not dropped yet (here: not even valid).
    writeFileSync(`${fileOf(10)}.partial`, '{"format":"audit-archive/1"');
    writeFileSync(fileOf(10), 'garbage\n');
    const { code, output } = await runAudit(['archive', '--dir', archives]);
    expect(output).toContain(`archived ${monthLabel(10)}: 3 entries to ${fileOf(10)}, verified, and dropped`);
    expect(code).toBe(0);
    expect(existsSync(`${fileOf(10)}.partial`)).toBe(false);
    for (const months of ARCHIVED) expect(await partitionExists(partitionOf(months))).toBe(false);
    expect(await partitionExists(partitionOf(3))).toBe(true);
    expect(await archiveEvents()).toEqual([
      { month: monthLabel(10), entries: 3 },
      { month: monthLabel(9), entries: 2 },
      { month: monthLabel(8), entries: 2 },
      { month: monthLabel(7), entries: 2 },
    ]);
  });

  it('has nothing more to do on a second run', async () => {
    expect(
      await archiveAuditMonths(owner, { directory: archives, retentionMonths: 6, privateKey, publicKeys: [publicKey] }),
    ).toEqual([]);
  });

  it('leaves an online chain that verifies from the archived head', async () => {
    // The entry of three months ago, today's two and the four archive events; the witness's checkpoint over an
    // archived entry is the archive's to check, the one over entry 10 still holds online.
    expect(await verifyAuditChain(owner)).toEqual({ intact: true, entries: 7 });
    expect(await verifyAuditChain(owner, checkpoints)).toEqual({ intact: true, entries: 7 });
    const { code, output } = await runAudit(['verify']);
    expect(output).toContain('audit chain intact: 7 entries against 2 signed checkpoints');
    expect(code).toBe(0);
  });

  it('chains the archives to one another and to the online chain', async () => {
    const headers = ARCHIVED.map((months) => JSON.parse(readFileSync(fileOf(months), 'utf8').split('\n')[0] ?? ''));
    expect(headers[0]).toMatchObject({ firstSequence: '1', firstPreviousHash: '0'.repeat(64), entries: 3 });
    for (let n = 1; n < headers.length; n += 1) {
      expect(BigInt(headers[n].firstSequence)).toBe(BigInt(headers[n - 1].lastSequence) + 1n);
      expect(headers[n].firstPreviousHash).toBe(headers[n - 1].lastHash);
    }
    const { rows } = await owner.query(
      'SELECT sequence::text, previous_hash FROM audit_entries ORDER BY sequence LIMIT 1',
    );
    expect(rows[0]).toEqual({ sequence: '10', previous_hash: headers.at(-1).lastHash });
  });
});

describe('hub audit verify --archive', () => {
  const verifyArchive = (file: string) =>
    runAudit(['verify', '--archive', file, '--public-key', `${keyFile}.pub`], {
      DATABASE_URL: 'postgresql://nowhere:1/none',
    });

  it('checks every archive offline', async () => {
    for (const months of ARCHIVED) {
      const { code, output } = await verifyArchive(fileOf(months));
      expect(output).toContain(`audit archive ${fileOf(months)} intact: ${monthLabel(months)}`);
      expect(code).toBe(0);
    }
  });

  function tampered(name: string, change: (lines: string[]) => void): string {
    const lines = readFileSync(fileOf(10), 'utf8').split('\n');
    change(lines);
    const file = join(folder, name);
    writeFileSync(file, lines.join('\n'));
    return file;
  }

  it('names the first altered entry and exits 1', async () => {
    const file = tampered('altered.jsonl', (lines) => {
      const entry = JSON.parse(lines[2] ?? '');
      lines[2] = JSON.stringify({ ...entry, actor_name: 'someone else' });
    });
    const second = JSON.parse(readFileSync(fileOf(10), 'utf8').split('\n')[2] ?? '');
    const { code, output } = await verifyArchive(file);
    expect(output).toContain(`broken at entry 2 (id ${second.id}), line 3: CONTENT_ALTERED`);
    expect(code).toBe(1);
  });

  it('names the missing entries when the last is cut off', async () => {
    const file = tampered('cut.jsonl', (lines) => {
      lines.splice(3, 1);
    });
    const { code, output } = await verifyArchive(file);
    expect(output).toMatch(/broken at entry 3: ENTRY_MISSING: entries 3–3 are missing/);
    expect(code).toBe(1);
  });

  it("catches a month rewritten and signed again with the hub's own key against a witness's checkpoint", async () => {
    const [, ...lines] = readFileSync(fileOf(10), 'utf8').trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as StoredAuditEntry);
    let previous = entries[0]?.previous_hash ?? '';
    for (const entry of entries) {
      if (entry.sequence === '2') entry.actor_name = 'someone else';
      entry.previous_hash = previous;
      entry.entry_hash = auditEntryHash(entry);
      previous = entry.entry_hash;
    }
    const header = signArchiveHeader(
      {
        month: monthLabel(10),
        entries: entries.length,
        firstSequence: '1',
        firstPreviousHash: '0'.repeat(64),
        lastSequence: '3',
        lastHash: previous,
      },
      privateKey,
    );
    const file = join(folder, 'rewritten.jsonl');
    writeFileSync(file, [header, ...entries].map((line) => `${JSON.stringify(line)}\n`).join(''));
    // On its own the rewrite is consistent: only a checkpoint kept outside the hub tells.
    writeFileSync(join(folder, 'none.jsonl'), '');
    const alone = await runAudit(['verify', '--archive', file, '--checkpoints', join(folder, 'none.jsonl')]);
    expect(alone.output).toContain(`audit archive ${file} intact`);
    const { code, output } = await verifyArchive(file);
    expect(output).toMatch(/broken at entry 1, line 4: CHECKPOINT_MISMATCH: entries 1–3 differ from what was signed/);
    expect(code).toBe(1);
  });

  it('refuses a header changed after signing', async () => {
    const file = tampered('header.jsonl', (lines) => {
      lines[0] = JSON.stringify({ ...JSON.parse(lines[0] ?? ''), entries: 2, lastSequence: '2' });
    });
    const { code, output } = await verifyArchive(file);
    expect(output).toContain('broken in its header, line 1: SIGNATURE_INVALID');
    expect(code).toBe(1);
  });
});
