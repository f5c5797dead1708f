import type pg from 'pg';
import { chainActorValues, chainCaseEventsSql } from '../audit/chain-case-events.ts';
import { systemChangeActor } from '../audit/change-actors.ts';
import { addWorkingDays } from './official-working-days.ts';

const WORKED = `('OPEN', 'IN_PROGRESS', 'APPEALED')`;

// Once per case and deadline: a case not yet decided whose due date is within the lead (and not yet past).
const REMIND = `
  WITH reminded AS (
    UPDATE discrepancy_cases SET reminded_at = now()
     WHERE status IN ${WORKED} AND reminded_at IS NULL AND due_on <= $1::date AND due_on >= $2::date
    RETURNING id, due_on),
  events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_name, details)
    SELECT id, 'REMINDED', 'hub', jsonb_build_object('dueOn', to_char(due_on, 'YYYY-MM-DD')) FROM reminded RETURNING *)
  ${chainCaseEventsSql(3)}`;

// Once per case: past its due date and not decided, it goes up to the county above its office (the office's parent
// where no county is above it), which then reaches it too.
const ESCALATE = `
  WITH overdue AS (
    SELECT c.id, c.due_on,
           coalesce((SELECT t.code FROM hub_region_tree(c.office_region_code, 'ABOVE') t
                       JOIN regions g ON g.code = t.code AND g.level = 'COUNTY'
                      WHERE t.depth > 0 ORDER BY t.depth LIMIT 1),
                    (SELECT parent_code FROM regions WHERE code = c.office_region_code),
                    c.office_region_code) AS county
      FROM discrepancy_cases c
     WHERE c.status IN ${WORKED} AND c.escalated_at IS NULL AND c.due_on < $1::date
       FOR UPDATE OF c SKIP LOCKED),
  escalated AS (
    UPDATE discrepancy_cases c SET escalated_to_region_code = o.county, escalated_at = now()
      FROM overdue o WHERE c.id = o.id
    RETURNING c.id, o.due_on, o.county),
  events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_name, details)
    SELECT id, 'ESCALATED', 'hub', jsonb_build_object('dueOn', to_char(due_on, 'YYYY-MM-DD'), 'toRegionCode', county)
      FROM escalated RETURNING *)
  ${chainCaseEventsSql(2)}`;

/**
 * Reminds the offices of cases due within `reminderWorkingDays` working days and escalates the overdue ones, as at
 * `today` (China Standard Time); each case once per deadline. Each set-based statement commits on its own, its events
 * chained into the audit trail.
 */
export async function sweepDiscrepancyCases(
  pool: pg.Pool,
  options: { today: string; reminderWorkingDays: number },
): Promise<{ reminded: number; escalated: number }> {
  const horizon = addWorkingDays(options.today, options.reminderWorkingDays);
  const actor = chainActorValues(systemChangeActor('discrepancy case sweep'));
  const reminded = await pool.query(REMIND, [horizon, options.today, ...actor]);
  const escalated = await pool.query(ESCALATE, [options.today, ...actor]);
  return { reminded: reminded.rowCount ?? 0, escalated: escalated.rowCount ?? 0 };
}
