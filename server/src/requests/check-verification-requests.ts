import type { ComparisonService } from '@hub/schema/context';
import { badUserInputError, conflictError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';
import { reportCheckedRequests } from './report-checked-requests.ts';

/**
 * The centre checks requests as part of one APPLICATION run over their households, as of a day (by default the
 * latest submission day among them): SUBMITTED (or REPORTED, to check again) → CHECKING, and REPORTED once the run
 * completes. A request being checked is CONFLICT `INVALID_TRANSITION`.
 */
export async function checkVerificationRequests(
  pool: pg.Pool,
  comparisons: Pick<ComparisonService, 'startComparisonRun'>,
  input: { requestIds: readonly string[]; asOf: string | null },
  startedById: string,
): Promise<{ runId: string }> {
  const ids = [...new Set(input.requestIds)];
  const malformed = ids.filter((id) => !isUuid(id));
  const { rows } = await pool.query<{ id: string; household_id: string; status: string; submitted_on: string }>(
    `SELECT id, household_id, status, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on
       FROM verification_requests WHERE id = ANY($1::uuid[])`,
    [malformed.length ? [] : ids],
  );
  const unknown = malformed.length ? malformed : ids.filter((id) => !rows.some((row) => row.id === id));
  if (!ids.length || unknown.length) {
    throw badUserInputError('INVALID_INPUT', `requestIds: no request ${unknown.slice(0, 5).join(', ')}`, {
      fields: [{ field: 'requestIds', problem: 'UNKNOWN_REQUEST', message: 'names no request' }],
    });
  }
  const busy = rows.filter((row) => row.status === 'CHECKING');
  if (busy.length) {
    throw conflictError('INVALID_TRANSITION', `${busy.length} of the requests are being checked already`, {
      requestIds: busy.map((row) => row.id),
    });
  }
  const asOf =
    input.asOf ??
    rows
      .map((row) => row.submitted_on)
      .sort()
      .at(-1) ??
    '';
  const run = await comparisons.startComparisonRun(
    {
      kind: 'APPLICATION',
      asOf,
      householdIds: [...new Set(rows.map((row) => row.household_id))],
      regionCode: null,
      chunkSize: null,
    },
    startedById,
  );
  await pool.query(
    `UPDATE verification_requests SET status = 'CHECKING', comparison_run_id = $2, reported_at = NULL
      WHERE id = ANY($1::uuid[])`,
    [ids, run.id],
  );
  // The run may have completed before the requests named it.
  await reportCheckedRequests(pool, run.id);
  return { runId: run.id };
}
