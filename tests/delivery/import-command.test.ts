import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient } from '@hub/prisma';
import { importCommand } from '@hub/server/cli/commands/import';
import { afterAll, expect, it, vi } from 'vitest';
import { createDeliveringBank, depositFile } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
afterAll(() => prisma.$disconnect());

const context = { dataDirectory: undefined, databaseUrl: async () => db.url, databaseOwnerUrl: async () => db.url };

async function runImport(args: string[]): Promise<string> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  try {
    await importCommand(args, context);
  } finally {
    log.mockRestore();
  }
  return printed.join('\n');
}

it('checks the provider agreement as the upload does, and loads without one only for a recorded reason', async () => {
  const region = await createRegion(prisma);
  const bank = await createDepartment(prisma, { kind: 'BANK', regionCode: region.code });
  const person = await createPerson(prisma);
  const file = join(mkdtempSync(join(tmpdir(), 'hub-import-')), 'deposits.csv');
  writeFileSync(file, depositFile([person.idNumber]));
  const args = ['--department', bank.code, '--dataset', 'BANK_DEPOSIT', '--as-of', '2026-11-30'];
  await expect(runImport([...args, file])).rejects.toThrow(/FORBIDDEN: no active sharing agreement .* BANK_DEPOSIT/);
  await expect(runImport([...args, '--without-agreement', 'because', file])).rejects.toThrow(/REASON_REQUIRED/);
  expect(await prisma.datasetSnapshot.count({ where: { departmentId: bank.id } })).toBe(0);

  const reason = '银行系统故障，按纸质函件人工导入 (letter 2026-118)';
  expect(await runImport([...args, '--without-agreement', reason, file])).toMatch(/CURRENT; 1 rows, 1 accepted/);
  const switched = await prisma.auditEntry.findFirstOrThrow({
    where: { event: 'SNAPSHOT_SWITCHED', change: { path: ['departmentId'], equals: bank.id } },
  });
  expect(switched.reason).toBe(`loaded without a provider agreement: ${reason}`);
  expect(switched.change).toMatchObject({
    changes: expect.arrayContaining([{ field: 'providerAgreement', old: null, new: null }]),
  });
});

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
