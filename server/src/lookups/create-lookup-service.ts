import { type PrismaClient, sqlPoolOf } from '@hub/prisma';
import type { LookupService } from '@hub/schema/context';
import { findCurrentCases } from './find-current-cases.ts';
import { findPersonWithHousehold } from './find-person-with-household.ts';

/** The partner questions' reads, on the connections of the hub's Prisma client. */
export function createLookupService(prisma: PrismaClient): LookupService {
  const pool = sqlPoolOf(prisma);
  return {
    personWithHousehold: (idNumber, day) => findPersonWithHousehold(pool, idNumber, day),
    currentCases: (householdId, day) => findCurrentCases(pool, householdId, day),
  };
}
