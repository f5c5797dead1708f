import type { PrismaClient } from '@hub/prisma';

// A person's region for reach: their household's; for a person without one now, the household they last belonged
// to in the register (a member who moved out stays in that office's history); else the region of their ID number.
const personRegion = (person: {
  idNumber: string;
  household: { regionCode: string } | null;
  memberships: { household: { regionCode: string } }[];
}) => person.household?.regionCode ?? person.memberships[0]?.household.regionCode ?? person.idNumber.slice(0, 6);

const PERSON_REGION_SELECT = {
  idNumber: true,
  household: { select: { regionCode: true } },
  memberships: { select: { household: { select: { regionCode: true } } }, orderBy: { validFrom: 'desc' }, take: 1 },
} as const;

/** The regions of persons by id; a person the hub does not hold has none. */
export async function personRegionsById(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const persons = await prisma.person.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, ...PERSON_REGION_SELECT },
  });
  return new Map(persons.map((person) => [person.id, personRegion(person)]));
}

/** The region of the person with this identity number; one the hub does not hold is placed by its number's code. */
export async function personRegionByIdNumber(prisma: PrismaClient, idNumber: string): Promise<string> {
  const person = await prisma.person.findUnique({
    where: { idNumber },
    select: PERSON_REGION_SELECT,
  });
  return person ? personRegion(person) : idNumber.slice(0, 6);
}

/** The regions of households by id. */
export async function householdRegionsById(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const households = await prisma.household.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, regionCode: true },
  });
  return new Map(households.map((household) => [household.id, household.regionCode]));
}
