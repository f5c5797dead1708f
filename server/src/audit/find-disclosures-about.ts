import type { PersonDisclosure } from '@hub/schema/context';
import type pg from 'pg';

// Every request entry that disclosed something about the person, or about a household while they were its member
// (its composition is theirs too): newest first. The consents named are those that covered the person, that
// department and purpose on that service day, as the permission engine checked them.
const DISCLOSURES_ABOUT = `
  WITH homes AS (
    SELECT household_id, valid_from, valid_to FROM household_memberships WHERE person_id = $1::uuid
    UNION ALL
    SELECT household_id, '-infinity'::date, NULL FROM persons p
     WHERE p.id = $1::uuid AND p.household_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM household_memberships m WHERE m.person_id = p.id)
  )
  SELECT e.sequence::text AS sequence, e.occurred_at AS "occurredAt", e.department_id::text AS "departmentId",
         d.name AS "departmentName", e.actor_kind::text AS "actorKind", e.purpose::text AS purpose,
         e.items_disclosed AS "itemsDisclosed", e.subject_person_id IS NULL AS "aboutHousehold",
         ARRAY(SELECT a.code FROM sharing_agreements a WHERE a.id = ANY(e.agreement_ids) ORDER BY a.code)
           AS "agreementCodes",
         ARRAY(SELECT c.document_reference FROM consents c
                WHERE c.person_id = $1::uuid AND e.purpose = ANY(c.purposes)
                  AND (c.department_id IS NULL OR c.department_id = e.department_id)
                  AND c.signed_on <= (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
                  AND (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date <= c.expires_on
                  AND (c.withdrawn_at IS NULL OR c.withdrawn_at > e.occurred_at)
                ORDER BY c.signed_on) AS "consentReferences"
    FROM audit_entries e
    LEFT JOIN departments d ON d.id = e.department_id
   WHERE e.event IS NULL AND cardinality(e.items_disclosed) > 0
     AND (e.subject_person_id = $1::uuid
          OR e.subject_household_id IN (
            SELECT h.household_id FROM homes h
             WHERE h.valid_from <= (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
               AND (h.valid_to IS NULL OR (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date < h.valid_to)))
   ORDER BY e.sequence DESC
   LIMIT $2`;

/** The person's disclosure record (查询记录): who was shown what about them, when, why, and on what grounds. */
export async function findDisclosuresAbout(
  pool: pg.Pool,
  personId: string,
  limit: number,
): Promise<PersonDisclosure[]> {
  const { rows } = await pool.query<PersonDisclosure>(DISCLOSURES_ABOUT, [personId, limit]);
  return rows;
}
