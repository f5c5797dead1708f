/**
 * The join condition that finds the person a staged row names. `persons.id_number` is char(18): compared with text,
 * the column is cast and the planner loses its statistics, expects each row to match thousands and sorts both sides
 * for a merge join. Compared as char it hashes; only a value of exactly 18 characters is compared at all, so that
 * one with trailing spaces (which char comparison ignores) stays unknown, as it is as text.
 */
export function stagedPersonMatch(staged: string, person = 'person', column = 'id_number'): string {
  const value = `${staged}."${column}"`;
  return `${person}.id_number = (CASE WHEN length(${value}) = 18 THEN upper(${value}) END)::bpchar`;
}
