import type { PrismaClient } from '@hub/prisma';
import type { PlantedKind, SeedManifest } from '@hub/prisma/synthetic/manifest';
import type { TryItPerson } from './try-it-list.ts';

interface Row {
  id: string;
  id_number: string;
  name: string;
}

const PLANTED_SHOWS: Record<PlantedKind, string> = {
  DECEASED_MEMBER: 'a member of this 低保 household has died (cremation record)',
  UNDECLARED_VEHICLE: 'owns a vehicle worth more than the exempt value',
  EXTRA_PROPERTY: 'the household owns more homes than the standard allows',
  DEPOSITS_OVER_LIMIT: 'bank deposits above the local limit for 低保',
  BUSINESS_REGISTERED: 'a member runs a registered business',
  INCOME_ABOVE_STANDARD: 'wages put the household above the 低保 line',
  STAFF_RELATIVE_UNFILED: 'a relative of civil-affairs staff whose relation is not filed',
  HOUSING_FUND_IMPLIED_WAGE: 'housing-fund contributions imply an undeclared wage',
};

// Heads of households that no planted case or control touches, the first by identity number: the same every seed.
const HEAD_OF_PLAIN_HOUSEHOLD = (receivesMinimumLivingGuarantee: boolean) => `
  SELECT p.id::text, p.id_number, p.name FROM persons p
   WHERE p.relation = 'HEAD' AND p.household_id IS NOT NULL
     AND p.household_id <> ALL($1::uuid[])
     AND NOT EXISTS (SELECT 1 FROM cremation_records d WHERE d.person_id = p.id)
     AND ${receivesMinimumLivingGuarantee ? '' : 'NOT'} EXISTS (
           SELECT 1 FROM assistance_cases c WHERE c.household_id = p.household_id
              ${receivesMinimumLivingGuarantee ? "AND c.kind = 'MINIMUM_LIVING_GUARANTEE' AND c.status = 'ACTIVE' AND c.ended_on IS NULL" : ''})
   ORDER BY p.id_number LIMIT 1`;

/**
 * The demo persons worth trying: an ordinary resident, a 低保 recipient, and the first planted case of each kind
 * (the case's person, or its household's head). Everyone but the ordinary one consents to HOUSING's purpose.
 */
export async function chooseTryItPersons(prisma: PrismaClient, manifest: SeedManifest): Promise<TryItPerson[]> {
  const touched = [...manifest.plantedCases, ...manifest.controls].map((entry) => entry.householdId);
  const pick = async (sql: string, ...values: unknown[]) => {
    const [row] = await prisma.$queryRawUnsafe<Row[]>(sql, ...values);
    if (!row) throw new Error('the demo region has no person to try for one of the try-it kinds');
    return row;
  };
  const ordinary = await pick(HEAD_OF_PLAIN_HOUSEHOLD(false), touched);
  const recipient = await pick(HEAD_OF_PLAIN_HOUSEHOLD(true), touched);
  const persons: TryItPerson[] = [
    { kind: 'ORDINARY', ...fields(ordinary), housingConsent: false, shows: 'an ordinary resident: no assistance' },
    {
      kind: 'MINIMUM_LIVING_GUARANTEE',
      ...fields(recipient),
      housingConsent: true,
      shows: 'a 低保 household, nothing wrong found',
    },
  ];
  const seen = new Set<PlantedKind>();
  for (const planted of manifest.plantedCases) {
    if (seen.has(planted.kind)) continue;
    seen.add(planted.kind);
    const row = planted.personId
      ? await pick('SELECT id::text, id_number, name FROM persons WHERE id = $1::uuid', planted.personId)
      : await pick(
          `SELECT id::text, id_number, name FROM persons WHERE household_id = $1::uuid ORDER BY relation = 'HEAD' DESC, id_number LIMIT 1`,
          planted.householdId,
        );
    persons.push({
      kind: `PLANTED_${planted.kind}`,
      ...fields(row),
      housingConsent: true,
      shows: `${PLANTED_SHOWS[planted.kind]}; a comparison flags ${planted.expectedFlag}`,
    });
  }
  return persons;
}

function fields(row: Row) {
  return { idNumber: row.id_number, name: row.name };
}
