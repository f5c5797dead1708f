import type { PrismaClient, Relation } from '@hub/prisma';
import { uniqueIdNumber, uniqueNumber } from './unique.ts';

export async function createPerson(
  prisma: PrismaClient,
  options: {
    householdId?: string;
    relation?: Relation;
    sex?: 'MALE' | 'FEMALE';
    name?: string;
    birthYear?: number;
    /** YYYY-MM-DD, where the day matters (an age threshold); else a day of birthYear. */
    birthDate?: string;
  } = {},
) {
  const sex = options.sex ?? 'MALE';
  const { idNumber, birthDate } = uniqueIdNumber({ sex, birthYear: options.birthYear, birthDate: options.birthDate });
  return prisma.person.create({
    data: {
      idNumber,
      birthDate,
      sex,
      name: options.name ?? `居民${uniqueNumber()}`,
      householdId: options.householdId,
      relation: options.relation,
    },
  });
}

/** A household with a head, a spouse and a child. */
export async function createHousehold(prisma: PrismaClient, options: { regionCode: string }) {
  const household = await prisma.household.create({
    data: { regionCode: options.regionCode, areaType: 'URBAN', address: `兴庆区民族街${uniqueNumber()}号` },
  });
  const head = await createPerson(prisma, { householdId: household.id, relation: 'HEAD', sex: 'MALE' });
  const spouse = await createPerson(prisma, { householdId: household.id, relation: 'SPOUSE', sex: 'FEMALE' });
  const child = await createPerson(prisma, { householdId: household.id, relation: 'CHILD', sex: 'FEMALE' });
  return { household, head, spouse, child };
}
