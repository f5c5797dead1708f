/**
 * The members of the households in `households` (a relation with a `household_id` column) on the day `asOf` (an
 * SQL date expression), as rows (person_id, household_id, id_number, relation, birth_date). A run as of a date sees the
 * composition of that date: a person counts where a membership covers the day (valid_from ≤ day < valid_to); a
 * person without any membership history counts in persons.household_id's household, as loaded before the register.
 */
export function householdMembersAsOfSql(households: string, asOf: string): string {
  return `SELECT p.id AS person_id, hm.household_id, p.id_number, hm.relation, p.birth_date
      FROM ${households} h JOIN household_memberships hm ON hm.household_id = h.household_id
      JOIN persons p ON p.id = hm.person_id
     WHERE hm.valid_from <= ${asOf} AND (hm.valid_to IS NULL OR hm.valid_to > ${asOf})
    UNION ALL
    SELECT p.id, p.household_id, p.id_number, p.relation, p.birth_date
      FROM ${households} h JOIN persons p ON p.household_id = h.household_id
     WHERE NOT EXISTS (SELECT 1 FROM household_memberships hm WHERE hm.person_id = p.id)`;
}
