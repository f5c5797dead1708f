import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient } from '@hub/prisma';
import { importCommand } from '@hub/server/cli/commands/import';
import { afterAll, expect, it, vi } from 'vitest';
import { createDeliveringBank, depositFile } from '../factories/deliveries.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
afterAll(() => prisma.$disconnect());

it('imports a file for a department by its code, as the upload endpoint does', async () => {
  const region = await createRegion(prisma);
  const { bank, persons } = await createDeliveringBank(prisma, { regionCode: region.code, persons: 2 });
  const file = join(mkdtempSync(join(tmpdir(), 'hub-import-')), 'deposits.csv');
  writeFileSync(file, depositFile(persons.map((person) => person.idNumber)));
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  try {
    await importCommand(['--department', bank.code, '--dataset', 'BANK_DEPOSIT', '--as-of', '2026-11-30', file], {
      dataDirectory: undefined,
      databaseUrl: async () => db.url,
      databaseOwnerUrl: async () => db.url,
    });
  } finally {
    log.mockRestore();
  }
  expect(printed.join('\n')).toMatch(/CURRENT; 2 rows, 2 accepted, 0 rejected/);
  const current = await prisma.datasetSnapshot.findFirstOrThrow({
    where: { departmentId: bank.id, status: 'CURRENT' },
  });
  expect(current.source).toBe('BULK');
  expect(await prisma.bankDeposit.count({ where: { snapshotId: current.id } })).toBe(2);
});
