import { createPrismaClient } from '@hub/prisma';
import { retentionCommand } from '@hub/server/cli/commands/retention';
import { purgeEndedConsents } from '@hub/server/consents/purge-ended-consents';
import { purgeClosedRequests } from '@hub/server/requests/purge-closed-requests';
import { readRecordRetention } from '@hub/server/retention/record-retention';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../factories/agreements.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Retention of consents that ended and verification requests that closed, run as the hub runs it: as the
// least-privileged runtime role.
const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
const pool = new pg.Pool({ connectionString: db.runtimeUrl, max: 2 });
pool.on('error', () => {});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

const region = await createRegion(prisma);
const { household, head } = await createHousehold(prisma, { regionCode: region.code });

/** A consent that expired `daysAgo` whole days before today in China Standard Time (its last valid day). */
async function consentExpired(daysAgo: number) {
  const consent = await createConsent(prisma, { personId: head.id });
  await prisma.$executeRaw`UPDATE consents SET signed_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - 800,
    expires_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - ${daysAgo}::int WHERE id = ${consent.id}::uuid`;
  return consent.id;
}

/** A consent valid for a year more, withdrawn `hoursAgo` hours ago. */
async function consentWithdrawn(hoursAgo: number) {
  const consent = await createConsent(prisma, { personId: head.id });
  await prisma.$executeRaw`UPDATE consents SET withdrawn_at = now() - make_interval(hours => ${hoursAgo}::int)
    WHERE id = ${consent.id}::uuid`;
  return consent.id;
}

const department = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });

/** A verification request with one member and one declared item; reported `hoursAgo` hours ago unless still open. */
async function request(status: 'SUBMITTED' | 'CHECKING' | 'REPORTED', hoursAgo: number) {
  const application = await prisma.application.create({
    data: { householdId: household.id, kind: 'MINIMUM_LIVING_GUARANTEE', status: 'VERIFYING', submittedOn: new Date() },
  });
  const created = await prisma.verificationRequest.create({
    data: {
      reference: `核对-${uniqueNumber()}`,
      departmentId: department.id,
      householdId: household.id,
      applicationId: application.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status,
      submittedOn: new Date(Date.now() - (hoursAgo + 48) * 3_600_000),
      authorisationFileName: '授权书.pdf',
      authorisationMediaType: 'application/pdf',
      authorisationSha256: 'a'.repeat(64),
      authorisationContent: Buffer.from('%PDF-1.4 signed'),
      authorisationSignedOn: new Date(Date.now() - (hoursAgo + 72) * 3_600_000),
      reportedAt: status === 'REPORTED' ? new Date(Date.now() - hoursAgo * 3_600_000) : null,
      members: { create: { personId: head.id, relation: 'HEAD' } },
      items: { create: { line: 0, category: 'INCOME', personId: head.id, source: 'WAGE', amountFen: 300_000n } },
    },
  });
  return created.id;
}

describe('retention of ended consents and closed verification requests', () => {
  it('deletes a consent a day past its retention after it expired or was withdrawn, with a CONSENT_PURGED event; a day short stays', async () => {
    const days = 30;
    const expiredLongAgo = await consentExpired(days + 1);
    const expiredJustInside = await consentExpired(days);
    const withdrawnLongAgo = await consentWithdrawn((days + 1) * 24);
    const withdrawnJustInside = await consentWithdrawn((days - 1) * 24);
    const current = (await createConsent(prisma, { personId: head.id })).id;

    const purged = await purgeEndedConsents(pool, days);
    expect(purged.map((p) => p.consentId).sort()).toEqual([expiredLongAgo, withdrawnLongAgo].sort());
    const left = await prisma.consent.findMany({ where: { personId: head.id }, select: { id: true } });
    expect(left.map((c) => c.id).sort()).toEqual([expiredJustInside, withdrawnJustInside, current].sort());

    const event = await prisma.auditEntry.findFirstOrThrow({
      where: { event: 'CONSENT_PURGED', change: { path: ['consentId'], equals: expiredLongAgo } },
    });
    expect(event.actorKind).toBe('SYSTEM');
    expect(event.subjectPersonId).toBe(head.id);
    expect(event.reason).toBe('retention: consents are kept 30 days after they end');
    expect(JSON.stringify(event.change)).toContain('"field":"documentReference"');
    // Nothing more a second time.
    expect(await purgeEndedConsents(pool, days)).toEqual([]);
  });

  it('deletes a request reported a day past its retention with its members and declared items, with an event; open ones stay', async () => {
    const days = 30;
    const longAgo = await request('REPORTED', (days + 1) * 24);
    const justInside = await request('REPORTED', (days - 1) * 24);
    const open = await request('CHECKING', (days + 5) * 24);
    const purged = await purgeClosedRequests(pool, days);
    expect(purged.map((p) => p.requestId)).toEqual([longAgo]);
    expect(await prisma.verificationRequest.findUnique({ where: { id: longAgo } })).toBeNull();
    expect(await prisma.verificationRequestMember.count({ where: { requestId: longAgo } })).toBe(0);
    expect(await prisma.declaredItem.count({ where: { requestId: longAgo } })).toBe(0);
    expect(await prisma.declaredItem.count({ where: { requestId: justInside } })).toBe(1);
    const left = await prisma.verificationRequest.findMany({ where: { id: { in: [justInside, open] } } });
    expect(left).toHaveLength(2);

    const event = await prisma.auditEntry.findFirstOrThrow({
      where: { event: 'VERIFICATION_REQUEST_PURGED', change: { path: ['requestId'], equals: longAgo } },
    });
    expect(event.reason).toBe('retention: verification requests are kept 30 days after their report');
    expect((event.change as { reference: string }).reference).toBe(purged[0]?.reference);
    expect(await purgeClosedRequests(pool, days)).toEqual([]);
  });

  it('`./hub retention purge` applies the defaults (365 days) and the settings, and refuses a malformed one', async () => {
    const pastDefault = await consentExpired(366);
    const withinDefault = await request('REPORTED', 364 * 24);
    const context = {
      dataDirectory: undefined,
      databaseUrl: async () => db.runtimeUrl,
      databaseOwnerUrl: async () => db.url,
    };
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    try {
      await retentionCommand(['purge'], context);
      vi.stubEnv('HUB_CLOSED_REQUEST_RETENTION_DAYS', '300');
      await retentionCommand(['purge'], context);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(printed.join('\n')).toContain(`purged consent ${pastDefault}`);
    expect(printed[printed.length - 1]).toBe('0 snapshot(s), 0 consent(s), 1 verification request(s) purged');
    expect(await prisma.verificationRequest.findUnique({ where: { id: withinDefault } })).toBeNull();

    expect(() => readRecordRetention({ HUB_ENDED_CONSENT_RETENTION_DAYS: '0' })).toThrow(
      /HUB_ENDED_CONSENT_RETENTION_DAYS must be a whole number of at least 1/,
    );
    expect(() => readRecordRetention({ HUB_CLOSED_REQUEST_RETENTION_DAYS: 'a year' })).toThrow(
      /HUB_CLOSED_REQUEST_RETENTION_DAYS/,
    );
  });
});
