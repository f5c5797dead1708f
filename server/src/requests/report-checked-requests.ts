import type pg from 'pg';

// A request whose run has completed is REPORTED: its report of declared against found can be read.
const REPORT_CHECKED = `
  UPDATE verification_requests vr SET status = 'REPORTED', reported_at = now()
    FROM comparison_runs r
   WHERE vr.comparison_run_id = r.id AND r.id = $1 AND r.status = 'COMPLETED' AND vr.status = 'CHECKING'`;

/** Moves the requests a completed run checked from CHECKING to REPORTED; nothing for a run still going. */
export async function reportCheckedRequests(client: pg.ClientBase | pg.Pool, runId: string): Promise<void> {
  await client.query(REPORT_CHECKED, [runId]);
}
