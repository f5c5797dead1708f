import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrismaClient } from '@hub/prisma';
import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { seedDemoAgreements } from '../agreements/seed-demo-agreements.ts';
import { ensureAdministrator } from '../identity/ensure-administrator.ts';
import { setUpDemoPartner } from './set-up-demo-partner.ts';
import { tryItPath } from './try-it-list.ts';

const DEMO_ADMIN_DEPARTMENT = 'CIVIL_AFFAIRS_640100';

/**
 * The demo region is loaded into an empty embedded database, or into DATABASE_URL's only when asked with --demo;
 * its partner (HOUSING with an API client and approved agreements) and the try-it list follow whenever the list is
 * missing, so a data folder from before them, or a first start cut short, gets them on its next start.
 */
export async function seedDemoOnFirstStart(options: {
  databaseUrl: string;
  dataDirectory: string;
  force: boolean;
  embedded: boolean;
  persons: number;
}): Promise<void> {
  if (!options.embedded && !options.force) return;
  const manifestPath = join(options.dataDirectory, 'demo-manifest.json');
  const prisma = createPrismaClient(options.databaseUrl, { maxConnections: 2 });
  try {
    if ((await prisma.person.count()) === 0) {
      console.log(`first start: seeding the demo region (${options.persons} persons)…`);
      const started = Date.now();
      const manifest = await seedDatabase(options.databaseUrl, { persons: options.persons, manifestPath });
      console.log(`demo region seeded: ${manifest.persons} persons in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const password = process.env.HUB_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
      const created = await ensureAdministrator(prisma, {
        username: 'admin',
        password,
        displayName: '系统管理员',
        departmentCode: DEMO_ADMIN_DEPARTMENT,
      });
      const agreements = await seedDemoAgreements(prisma, {
        centreCode: DEMO_ADMIN_DEPARTMENT,
        authorUsername: 'admin',
        validFrom: new Date(`${manifest.asOf.slice(0, 4)}-01-01`),
        validUntil: new Date(`${Number(manifest.asOf.slice(0, 4)) + 2}-12-31`),
      });
      console.log(`${agreements} demo sharing agreements give the verification centre its departments' data`);
      if (created && !process.env.HUB_ADMIN_PASSWORD) {
        const passwordFile = join(options.dataDirectory, 'initial-admin-password');
        writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
        console.log(`administrator "admin" created; its password is in ${passwordFile} (change it after logging in)`);
      }
    }
    if (existsSync(tryItPath(options.dataDirectory)) || !existsSync(manifestPath)) return;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SeedManifest;
    const partner = await setUpDemoPartner(prisma, {
      dataDirectory: options.dataDirectory,
      manifest,
      centreCode: DEMO_ADMIN_DEPARTMENT,
    });
    console.log(
      `partner HOUSING: API client id in ${partner.clientIdFile}, its secret beside it in housing-client-secret; ` +
        'agreements drafted by "admin", approved by "reviewer"',
    );
    if (partner.reviewerPasswordFile) {
      console.log(`administrator "reviewer" created; its password is in ${partner.reviewerPasswordFile}`);
    }
  } finally {
    await prisma.$disconnect();
  }
}
