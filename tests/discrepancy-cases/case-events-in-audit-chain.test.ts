import { createPrismaClient } from '@hub/prisma';
import { systemChangeActor } from '@hub/server/audit/change-actors';
import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import { createDiscrepancyCaseService } from '@hub/server/discrepancy-cases/create-discrepancy-case-service';
import { readDiscrepancyCasePolicy } from '@hub/server/discrepancy-cases/discrepancy-case-policy';
import { openDiscrepancyCases } from '@hub/server/discrepancy-cases/open-discrepancy-cases';
import { sweepDiscrepancyCases } from '@hub/server/discrepancy-cases/sweep-discrepancy-cases';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { switchAuditTriggers } from '../factories/audit-entries.ts';
import { createDepartment } from '../factories/departments.ts';
import { createDiscrepancyCase } from '../factories/discrepancy-cases.ts';
import { createHousehold } from '../factories/households.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 3 });
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

const policy = readDiscrepancyCasePolicy({});
const cases = createDiscrepancyCaseService(pool, { policy, maxAttachmentBytes: 1024 });
const { township } = await createRegionTree(prisma);
const office = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: township.code });
const { user } = await createUser(prisma, { role: 'VERIFICATION_OFFICER', departmentId: office.id });
const actor = {
  userId: user.id,
  username: user.username,
  offices: new Set([township.code]),
  change: {
    ...systemChangeActor('recordDiscrepancyCaseVisit'),
    kind: 'USER' as const,
    userId: user.id,
    name: user.username,
  },
};

async function caseEventsAndEntries() {
  const events = await pool.query<{ id: string; type: string }>('SELECT id, type::text FROM discrepancy_case_events');
  const entries = await pool.query<{ change: { caseEventId: string; caseEventType: string } }>(
    `SELECT change FROM audit_entries WHERE event = 'DISCREPANCY_CASE_STEP'`,
  );
  return { events: events.rows, entries: entries.rows.map((row) => row.change) };
}

/** What an intruder with superuser rights does: change a table behind the hub (the trail's triggers off too). */
async function tamper(sql: string, values: unknown[] = []): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await switchAuditTriggers(client, false);
    await client.query(sql, values);
    await switchAuditTriggers(client, true);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('discrepancy case events in the hash-chained audit trail', () => {
  it('chains every event: a run’s openings and clearing, an officer’s step, the sweeper’s reminders and escalations', async () => {
    const due = await createDiscrepancyCase(prisma, { townshipCode: township.code, dueOn: '2026-12-08' });
    await createDiscrepancyCase(prisma, { townshipCode: township.code, dueOn: '2026-12-01' });
    await cases.recordVisit(due.case.id, { visitedOn: new Date('2026-12-05'), notes: '入户核查，情况属实' }, actor);
    const swept = await sweepDiscrepancyCases(pool, { today: '2026-12-07', reminderWorkingDays: 3 });
    expect(swept).toEqual({ reminded: 1, escalated: 1 });

    const { household } = await createHousehold(prisma, { regionCode: township.code });
    const run = await prisma.comparisonRun.create({
      data: {
        kind: 'PERIODIC_REVIEW',
        status: 'COMPLETED',
        regionCode: township.code,
        asOf: new Date('2026-11-30'),
        chunkSize: 10,
      },
    });
    await prisma.householdAssessment.createMany({
      data: [due.household.id, household.id].map((householdId) => ({
        runId: run.id,
        householdId,
        chunkNo: 0,
        classification: 'ABOVE_LINE',
        countedMembers: 3,
        monthlyIncomeFen: 900_000n,
        rigidExpenditureFen: 0n,
        perCapitaIncomeFen: 300_000n,
        standardMonthlyFen: 72_000,
        financialAssetsFen: 0n,
        flags: householdId === household.id ? ['INCOME_ABOVE_STANDARD'] : [],
        findings: [],
      })),
    });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      expect(await openDiscrepancyCases(client, run.id, { policy })).toEqual({ opened: 1, joined: 0, cleared: 1 });
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    const { events, entries } = await caseEventsAndEntries();
    expect(events.map((event) => event.type).sort()).toEqual(
      ['CLEARED_BY_RUN', 'ESCALATED', 'OPENED', 'OPENED', 'OPENED', 'REMINDED', 'VISIT_RECORDED'].sort(),
    );
    expect(entries.map((entry) => entry.caseEventId).sort()).toEqual(events.map((event) => event.id).sort());
    const status = await verifyAuditChain(pool);
    expect(status).toMatchObject({ intact: true });
  });

  it('detects a case event rewritten behind the hub, and names the entry that sealed it', async () => {
    const visit = await pool.query<{ id: string; details: unknown }>(
      `SELECT id, details FROM discrepancy_case_events WHERE type = 'VISIT_RECORDED'`,
    );
    const { id, details } = visit.rows[0] as { id: string; details: unknown };
    const sealedBy = await pool.query<{ sequence: string }>(
      `SELECT sequence::text FROM audit_entries WHERE change->>'caseEventId' = $1`,
      [id],
    );
    await tamper(
      `UPDATE discrepancy_case_events SET details = '{"visitedOn":"2026-12-05","notes":"未发现问题"}' WHERE id = $1`,
      [id],
    );
    expect(await verifyAuditChain(pool)).toMatchObject({
      intact: false,
      problem: 'CASE_EVENT_ALTERED',
      firstBrokenSequence: BigInt(sealedBy.rows[0]?.sequence ?? '0'),
    });
    await tamper('UPDATE discrepancy_case_events SET details = $2 WHERE id = $1', [id, JSON.stringify(details)]);
    expect(await verifyAuditChain(pool)).toMatchObject({ intact: true });
  });

  it('detects a case event deleted, and one added without its chain entry', async () => {
    const saved = await pool.query<Record<string, unknown>>(
      `SELECT * FROM discrepancy_case_events WHERE type = 'REMINDED'`,
    );
    const reminded = saved.rows[0] as { id: string; case_id: string };
    await tamper('DELETE FROM discrepancy_case_events WHERE id = $1', [reminded.id]);
    expect(await verifyAuditChain(pool)).toMatchObject({ intact: false, problem: 'CASE_EVENT_ALTERED' });
    await tamper(
      `INSERT INTO discrepancy_case_events SELECT * FROM jsonb_populate_record(null::discrepancy_case_events, $1::jsonb)`,
      [JSON.stringify(saved.rows[0])],
    );
    expect(await verifyAuditChain(pool)).toMatchObject({ intact: true });

    await tamper(
      `INSERT INTO discrepancy_case_events (case_id, type, actor_name, details) VALUES ($1, 'CLOSED', 'hub', '{}')`,
      [reminded.case_id],
    );
    expect(await verifyAuditChain(pool)).toMatchObject({
      intact: false,
      problem: 'CASE_EVENT_UNCHAINED',
      firstBrokenId: null,
    });
    await tamper(`DELETE FROM discrepancy_case_events WHERE type = 'CLOSED'`);
  });

  it('detects a case event’s chain entry rewritten, as any altered entry', async () => {
    const sealed = await pool.query<{ sequence: string }>(
      `SELECT sequence::text FROM audit_entries WHERE event = 'DISCREPANCY_CASE_STEP' ORDER BY sequence LIMIT 1`,
    );
    const sequence = sealed.rows[0]?.sequence ?? '0';
    await tamper(
      `UPDATE audit_entries SET change = jsonb_set(change, '{sha256}', '"${'0'.repeat(64)}"') WHERE sequence = $1`,
      [sequence],
    );
    expect(await verifyAuditChain(pool)).toMatchObject({
      intact: false,
      problem: 'CONTENT_ALTERED',
      firstBrokenSequence: BigInt(sequence),
    });
  });
});
