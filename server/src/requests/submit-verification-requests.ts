import type { RequestSubmitterViewer, SubmittedRequests } from '@hub/schema/context';
import { forbiddenError } from '@hub/schema/errors';
import type { VerificationRequestInput } from '@hub/schema/verification-requests/verification-request-input';
import type pg from 'pg';
import { type CheckedRequest, checkVerificationRequest } from './check-verification-request.ts';
import { writeVerificationRequests } from './write-verification-requests.ts';

/**
 * Township offices (civil-affairs departments) and the civil-affairs business system submit requests, one or a
 * batch: every request is checked on its own, and saved whole or refused whole with a problem per field.
 */
export async function submitVerificationRequests(
  pool: pg.Pool,
  inputs: readonly VerificationRequestInput[],
  submitter: RequestSubmitterViewer,
): Promise<SubmittedRequests> {
  const client = await pool.connect();
  try {
    const department = await client.query<{ kind: string }>('SELECT kind FROM departments WHERE id = $1', [
      submitter.departmentId,
    ]);
    if (department.rows[0]?.kind !== 'CIVIL_AFFAIRS') {
      throw forbiddenError('verification requests come from civil-affairs offices');
    }
    const checked: { index: number; request: CheckedRequest }[] = [];
    const rejected: SubmittedRequests['rejected'] = [];
    inputs.forEach((input, index) => {
      const outcome = checkVerificationRequest(input);
      if (outcome.request) checked.push({ index, request: outcome.request });
      else rejected.push({ index, problems: outcome.problems });
    });
    const written = checked.length
      ? await writeVerificationRequests(client, checked, submitter)
      : { accepted: [], rejected: [] };
    return {
      accepted: written.accepted,
      rejected: [...rejected, ...written.rejected].sort((a, b) => a.index - b.index),
    };
  } finally {
    client.release();
  }
}
