import { createPrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { createDepartmentConnector } from '@hub/server/connectors/create-department-connector';
import { createDepartmentSimulator } from '@hub/server/simulator/create-department-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The demo's departments answer the hub's live connector over real HTTP, from the demo data itself.

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
const simulator = await createDepartmentSimulator({ databaseUrl: db.url, token: 'test-token' });
let url: string;

beforeAll(async () => {
  await seedDatabase(db.url, { persons: 400 });
  url = await simulator.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await simulator.close();
  await prisma.$disconnect();
});

describe('the department simulator', () => {
  it("answers a bank's deposits for the persons asked, and names those it holds nothing about", async () => {
    const bank = await prisma.department.findUniqueOrThrow({ where: { code: 'BANK_ICBC_640100' } });
    const holders = await prisma.bankDeposit.findMany({
      where: { departmentId: bank.id },
      select: { personId: true },
      take: 20,
    });
    const persons = await prisma.person.findMany({ where: { id: { in: holders.map((row) => row.personId) } } });
    const asked = persons.map((person) => person.idNumber);
    const stranger = uniqueIdNumber().idNumber;
    const connector = createDepartmentConnector({
      baseUrl: `${url}/departments/BANK_ICBC_640100`,
      token: 'test-token',
      dataset: 'BANK_DEPOSIT',
      batchSize: 7,
    });
    const result = await connector.fetchRecords([...asked, stranger]);
    const expected = await prisma.bankDeposit.count({
      where: { departmentId: bank.id, personId: { in: persons.map((person) => person.id) } },
    });
    expect(result.records).toHaveLength(expected);
    expect(new Set(result.records.map((record) => record.idNumber))).toEqual(new Set(asked));
    expect(result.records[0]).toMatchObject({ account_number: expect.any(String), balance_fen: expect.any(Number) });
    expect(result.notFound).toEqual([stranger]);
    expect(result.unanswered).toEqual([]);
    expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    connector.shutdown();
  });

  it('refuses a caller without the token, which the connector reports as REFUSED', async () => {
    const connector = createDepartmentConnector({
      baseUrl: `${url}/departments/BANK_ICBC_640100`,
      token: 'wrong',
      dataset: 'BANK_DEPOSIT',
    });
    const result = await connector.fetchRecords([uniqueIdNumber().idNumber]);
    expect(result.unanswered.map((entry) => entry.failure)).toEqual(['REFUSED']);
    connector.shutdown();
  });
});
