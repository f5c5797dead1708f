import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import { describe, expect, it } from 'vitest';
import { type SignedAuditChain, signedAuditChain, tamper } from '../factories/signed-audit-chain.ts';
import { runHubCommand } from '../support/hub-process.ts';

// Each case is what an intruder with the database's superuser rights did to a real trail (issue 16), done here to a
// chain of 100 entries signed every 10: `hub audit verify` must fail and say where.

function runVerifyCommand(chain: SignedAuditChain) {
  return runHubCommand(
    ['audit', 'verify', '--checkpoints', chain.checkpointFile, '--public-key', chain.publicKeyFile],
    chain.db.url,
  );
}

async function expectBroken(chain: SignedAuditChain, expected: { at: number; problem: string; detail: RegExp }) {
  const status = await verifyAuditChain(chain.pool, chain.checkpoints);
  expect(status).toMatchObject({ intact: false, firstBrokenSequence: BigInt(expected.at), problem: expected.problem });
  expect(status.intact ? '' : status.detail).toMatch(expected.detail);
  const { code, output } = await runVerifyCommand(chain);
  expect(code).toBe(1);
  expect(output).toContain(`audit chain broken at entry ${expected.at}`);
  expect(output).toContain(expected.problem);
}

// Recomputes each entry's link and hash from `from` on, in order, with the database's own function.
const recomputeFrom = (from: number) => `
  DO $$ DECLARE r RECORD; BEGIN
    FOR r IN SELECT sequence FROM audit_entries WHERE sequence >= ${from} ORDER BY sequence LOOP
      UPDATE audit_entries SET previous_hash = COALESCE(
        (SELECT entry_hash FROM audit_entries WHERE sequence = r.sequence - 1), repeat('0', 64))
       WHERE sequence = r.sequence;
      UPDATE audit_entries e SET entry_hash = audit_entry_hash(e) WHERE sequence = r.sequence;
    END LOOP;
  END $$`;

describe('tampering by someone with the database superuser rights', () => {
  it('finds an untouched signed chain intact', async () => {
    const chain = await signedAuditChain(100);
    expect(chain.checkpoints).toHaveLength(10);
    expect(await verifyAuditChain(chain.pool, chain.checkpoints)).toEqual({ intact: true, entries: 100 });
    expect(await runVerifyCommand(chain)).toEqual({
      code: 0,
      output: 'audit chain intact: 100 entries against 10 signed checkpoints\n',
    });
  });

  it('names the range when the last 50 entries are deleted', async () => {
    const chain = await signedAuditChain(100);
    await tamper(chain.pool, 'DELETE FROM audit_entries WHERE sequence > 50');
    await expectBroken(chain, { at: 51, problem: 'ENTRY_MISSING', detail: /entries 51–100 are missing/ });
  });

  it('names the whole range when the trail is truncated to zero', async () => {
    const chain = await signedAuditChain(100);
    await tamper(chain.pool, 'TRUNCATE audit_entries');
    await expectBroken(chain, { at: 1, problem: 'ENTRY_MISSING', detail: /entries 1–100 are missing/ });
  });

  it('finds a forged, backdated entry inserted with a correct link and hash', async () => {
    const chain = await signedAuditChain(100);
    await tamper(
      chain.pool,
      `SELECT audit_entries_ensure_partition('2026-06-01');
       INSERT INTO audit_entries (sequence, occurred_at, request_id, actor_kind, actor_name, operation, items_disclosed,
         decision, previous_hash, entry_hash)
       SELECT 101, '2026-06-01T09:00:00Z', 'forged', 'USER', 'admin', 'person', ARRAY['PERSON_IDENTITY', 'BANK_DEPOSITS'],
         'ALLOWED', entry_hash, repeat('0', 64) FROM audit_entries WHERE sequence = 100;
       UPDATE audit_entries e SET entry_hash = audit_entry_hash(e) WHERE sequence = 101`,
    );
    await expectBroken(chain, { at: 101, problem: 'TIME_REVERSED', detail: /entry 101 is dated 2026-06-01T09:00/ });
  });

  it('finds a forged entry dated between the last entry and the checkpoint signed after it', async () => {
    const chain = await signedAuditChain(100);
    await tamper(
      chain.pool,
      `INSERT INTO audit_entries (sequence, occurred_at, request_id, actor_kind, actor_name, operation, decision,
         previous_hash, entry_hash)
       SELECT 101, occurred_at + interval '1 microsecond', 'forged', 'USER', 'admin', 'person', 'ALLOWED', entry_hash,
         repeat('0', 64) FROM audit_entries WHERE sequence = 100;
       UPDATE audit_entries e SET entry_hash = audit_entry_hash(e) WHERE sequence = 101`,
    );
    await expectBroken(chain, { at: 101, problem: 'TIME_REVERSED', detail: /before the checkpoint signed at/ });
  });

  it('narrows an update followed by recomputing every later hash to the entries between two checkpoints', async () => {
    const chain = await signedAuditChain(100);
    await tamper(
      chain.pool,
      `UPDATE audit_entries SET actor_name = 'someone else' WHERE sequence = 37; ${recomputeFrom(37)}`,
    );
    await expectBroken(chain, { at: 31, problem: 'CHECKPOINT_MISMATCH', detail: /entries 31–40 differ/ });
  });

  it('narrows a deletion followed by renumbering and recomputing to the entries between two checkpoints', async () => {
    const chain = await signedAuditChain(100);
    await tamper(
      chain.pool,
      `DELETE FROM audit_entries WHERE sequence = 37;
       DO $$ DECLARE r RECORD; BEGIN
         FOR r IN SELECT sequence FROM audit_entries WHERE sequence > 37 ORDER BY sequence LOOP
           UPDATE audit_entries SET sequence = r.sequence - 1 WHERE sequence = r.sequence;
         END LOOP;
       END $$;
       ${recomputeFrom(37)}`,
    );
    await expectBroken(chain, { at: 31, problem: 'CHECKPOINT_MISMATCH', detail: /entries 31–40 differ/ });
  });

  it('recomputes hashes itself, so replacing audit_entry_hash with one returning the stored hash hides nothing', async () => {
    const chain = await signedAuditChain(100);
    await tamper(
      chain.pool,
      `CREATE OR REPLACE FUNCTION audit_entry_hash(entry audit_entries) RETURNS CHAR(64)
         LANGUAGE sql STABLE AS $$ SELECT entry.entry_hash $$;
       UPDATE audit_entries SET items_disclosed = ARRAY['BANK_DEPOSITS'] WHERE sequence = 37`,
    );
    const { rows } = await chain.pool.query('SELECT 1 FROM audit_entries e WHERE audit_entry_hash(e) <> entry_hash');
    expect(rows).toEqual([]);
    await expectBroken(chain, { at: 37, problem: 'CONTENT_ALTERED', detail: /entry 37 was altered/ });
  });

  it('finds an entry dated in the future of the database, and the chain refuses to append after it', async () => {
    const chain = await signedAuditChain(100);
    await tamper(
      chain.pool,
      `UPDATE audit_entries SET occurred_at = clock_timestamp() + interval '8 hours 30 minutes' WHERE sequence = 100;
       ${recomputeFrom(100)}`,
    );
    await expectBroken(chain, {
      at: 100,
      problem: 'FUTURE_DATED',
      detail: /entry 100 is dated .* after the database's time/,
    });
    await expect(
      chain.pool.query(
        `INSERT INTO audit_entries (request_id, actor_kind, actor_name, operation, decision, previous_hash, entry_hash)
         VALUES ('r', 'USER', 'tester', 'me', 'ALLOWED', '', '')`,
      ),
    ).rejects.toThrow(/would go back in time/);
  });

  it('refuses checkpoints that the trusted key did not sign', async () => {
    const chain = await signedAuditChain(20);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(
      chain.checkpointFile,
      readFileSync(chain.checkpointFile, 'utf8').replace(/"sequence":"20"/, '"sequence":"19"'),
    );
    const { code, output } = await runVerifyCommand(chain);
    expect(code).toBe(1);
    expect(output).toContain('checkpoint 2 of');
    expect(output).toContain('is not signed by a trusted key');
  });
});
