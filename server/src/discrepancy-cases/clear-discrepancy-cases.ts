import type pg from 'pg';
import { chainCaseEventsSql } from '../audit/chain-case-events.ts';

// An open case whose last flagging run is an earlier run of the same kind and region (the previous run of the same
// cohort, as diff-comparison-runs.ts reads it) is cleared when this run assessed the household and flagged nothing.
// A household this run did not assess keeps its case: an application run checks other households, and one that left
// a region's cohort still has a finding to settle.
const CLEAR_CASES = `
  WITH run AS (SELECT id, kind, region_code, created_at FROM comparison_runs WHERE id = $1 AND status = 'COMPLETED'),
  cleared AS (
    UPDATE discrepancy_cases c
       SET status = 'CLOSED', closure = 'CLEARED_BY_RUN', closed_at = now(), cleared_by_run_id = run.id
      FROM run, household_assessments a, comparison_runs flagging
     WHERE a.run_id = run.id AND a.household_id = c.household_id AND cardinality(a.flags) = 0
       AND c.status <> 'CLOSED' AND flagging.id = c.latest_run_id AND flagging.id <> run.id
       AND flagging.kind = run.kind AND flagging.region_code IS NOT DISTINCT FROM run.region_code
       AND flagging.created_at < run.created_at
    RETURNING c.id, c.flags),
  events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_name, run_id, details)
    SELECT id, 'CLEARED_BY_RUN', 'hub', $1, jsonb_build_object('flags', to_jsonb(flags)) FROM cleared RETURNING *)
  ${chainCaseEventsSql(2)}`;

/** Closes as CLEARED_BY_RUN the open cases this completed run no longer flags, by the chain actor given; the number. */
export async function clearDiscrepancyCases(
  client: pg.ClientBase,
  runId: string,
  actor: readonly unknown[],
): Promise<number> {
  const cleared = await client.query(CLEAR_CASES, [runId, ...actor]);
  return cleared.rowCount ?? 0;
}
