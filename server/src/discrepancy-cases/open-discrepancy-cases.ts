import type { ComparisonKind } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import type pg from 'pg';
import { chainActorValues, chainCaseEventsSql } from '../audit/chain-case-events.ts';
import { systemChangeActor } from '../audit/change-actors.ts';
import { clearDiscrepancyCases } from './clear-discrepancy-cases.ts';
import type { DiscrepancyCasePolicy } from './discrepancy-case-policy.ts';
import { addWorkingDays, chinaDay } from './official-working-days.ts';

// The run's flagged households, each with its township office (the household's own region when no township is
// above it). Only a COMPLETED run's findings become cases.
const FLAGGED = `
  flagged AS (
    SELECT a.household_id, a.flags, h.region_code
      FROM household_assessments a
      JOIN comparison_runs r ON r.id = a.run_id AND r.status = 'COMPLETED'
      JOIN households h ON h.id = a.household_id
     WHERE a.run_id = $1 AND cardinality(a.flags) > 0),
  offices AS (
    SELECT d.region_code,
           coalesce((SELECT t.code FROM hub_region_tree(d.region_code, 'ABOVE') t
                       JOIN regions g ON g.code = t.code AND g.level = 'TOWNSHIP'
                      ORDER BY t.depth LIMIT 1), d.region_code) AS office
      FROM (SELECT DISTINCT region_code FROM flagged) d)`;

// A flagged household's open case takes the run's flags, once per run (a retried completion adds nothing).
const JOIN_OPEN_CASES = `
  WITH ${FLAGGED},
  joined AS (
    UPDATE discrepancy_cases c
       SET flags = ARRAY(SELECT DISTINCT unnest(c.flags || f.flags) ORDER BY 1), latest_run_id = $1
      FROM flagged f
     WHERE c.household_id = f.household_id AND c.status <> 'CLOSED'
       AND NOT EXISTS (SELECT 1 FROM discrepancy_case_findings x WHERE x.case_id = c.id AND x.run_id = $1)
    RETURNING c.id, c.household_id, f.flags),
  findings AS (
    INSERT INTO discrepancy_case_findings (case_id, run_id, household_id, flags)
    SELECT id, $1, household_id, flags FROM joined),
  events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_name, run_id, details)
    SELECT id, 'FLAGS_JOINED', 'hub', $1, jsonb_build_object('flags', to_jsonb(flags)) FROM joined RETURNING *)
  ${chainCaseEventsSql(2)}`;

// Every other flagged household opens a case, unless this run already opened (or joined) one for it: a case the
// run opened and an officer has since closed is not opened again by a retried completion.
const OPEN_CASES = `
  WITH ${FLAGGED},
  opened AS (
    INSERT INTO discrepancy_cases (household_id, office_region_code, kind, flags, opened_by_run_id, latest_run_id,
                                   due_on, deadline_working_days)
    SELECT f.household_id, o.office, $2::"ComparisonKind", f.flags, $1, $1, $3::date, $4
      FROM flagged f JOIN offices o ON o.region_code = f.region_code
     WHERE NOT EXISTS (SELECT 1 FROM discrepancy_case_findings x WHERE x.run_id = $1 AND x.household_id = f.household_id)
    ON CONFLICT (household_id) WHERE status <> 'CLOSED' DO NOTHING
    RETURNING id, household_id, flags, due_on),
  findings AS (
    INSERT INTO discrepancy_case_findings (case_id, run_id, household_id, flags)
    SELECT id, $1, household_id, flags FROM opened),
  events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_name, run_id, details)
    SELECT id, 'OPENED', 'hub', $1,
           jsonb_build_object('flags', to_jsonb(flags), 'dueOn', to_char(due_on, 'YYYY-MM-DD'), 'workingDays', $4::int)
      FROM opened RETURNING *)
  ${chainCaseEventsSql(5)}`;

export interface OpenedCases {
  opened: number;
  joined: number;
  cleared: number;
}

/**
 * Turns a completed run's findings into cases, in the caller's transaction (the one that completes the run): each
 * flagged household opens a case due `deadline` working days from today (China Standard Time) or joins its open
 * case, and open cases the run no longer flags are cleared. Set-based and idempotent; nothing for a run not completed. Every
 * event is chained into the audit trail by the statement that records it.
 */
export async function openDiscrepancyCases(
  client: pg.ClientBase,
  runId: string,
  options: { policy: DiscrepancyCasePolicy; now?: Date; actor?: ChangeActor },
): Promise<OpenedCases> {
  const { rows } = await client.query<{ kind: ComparisonKind }>(
    `SELECT kind FROM comparison_runs WHERE id = $1 AND status = 'COMPLETED'`,
    [runId],
  );
  const kind = rows[0]?.kind;
  if (!kind) return { opened: 0, joined: 0, cleared: 0 };
  const workingDays = options.policy.deadlineWorkingDays[kind];
  const dueOn = addWorkingDays(chinaDay(options.now ?? new Date()), workingDays);
  const actor = chainActorValues(options.actor ?? systemChangeActor('comparison run completed: discrepancy cases'));
  const joined = await client.query(JOIN_OPEN_CASES, [runId, ...actor]);
  const opened = await client.query(OPEN_CASES, [runId, kind, dueOn, workingDays, ...actor]);
  const cleared = await clearDiscrepancyCases(client, runId, actor);
  return { opened: opened.rowCount ?? 0, joined: joined.rowCount ?? 0, cleared };
}
