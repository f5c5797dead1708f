import { createPrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { seedDemoAgreements } from '@hub/server/agreements/seed-demo-agreements';
import { ensureAdministrator } from '@hub/server/identity/ensure-administrator';
import pg from 'pg';
import { createPartnerToken } from '../../factories/api-clients.ts';

export const CENTRE_CODE = 'CIVIL_AFFAIRS_640100';
export const ADMIN = { username: 'admin', password: 'resilience admin password' };

export interface DemoRegion {
  asOf: string;
  centreId: string;
  /** An access token of an API client of the verification centre: a department system calling the partner API. */
  partnerToken: string;
  /** Identity numbers of persons of the demo region (household members, deceased and all). */
  idNumbers: string[];
}

/**
 * What `hub start --demo` loads into a fresh database, done before the hub starts: the synthetic region, the
 * administrator with a known password and the centre's standing agreements; plus a partner API client's token.
 */
export async function loadDemoRegion(databaseUrl: string, options: { persons: number }): Promise<DemoRegion> {
  const manifest = await seedDatabase(databaseUrl, { persons: options.persons, seed: 7 });
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  try {
    await ensureAdministrator(prisma, { ...ADMIN, displayName: '系统管理员', departmentCode: CENTRE_CODE });
    await seedDemoAgreements(prisma, {
      centreCode: CENTRE_CODE,
      authorUsername: ADMIN.username,
      validFrom: new Date(`${manifest.asOf.slice(0, 4)}-01-01`),
      validUntil: new Date(`${Number(manifest.asOf.slice(0, 4)) + 2}-12-31`),
    });
    const centre = await prisma.department.findUniqueOrThrow({ where: { code: CENTRE_CODE } });
    const partnerToken = await createPartnerToken(prisma, centre.id);
    const persons = await prisma.person.findMany({ select: { idNumber: true }, take: 500, orderBy: { id: 'asc' } });
    return { asOf: manifest.asOf, centreId: centre.id, partnerToken, idNumbers: persons.map((p) => p.idNumber) };
  } finally {
    await prisma.$disconnect();
  }
}

/** Audit entries per request id. */
export async function auditEntriesByRequest(databaseUrl: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ request_id: string; entries: number }>(
      'SELECT request_id, count(*)::int AS entries FROM audit_entries GROUP BY request_id',
    );
    return new Map(rows.map((row) => [row.request_id, row.entries]));
  } finally {
    await client.end();
  }
}
