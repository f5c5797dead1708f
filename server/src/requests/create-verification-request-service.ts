import type { ComparisonService, VerificationRequestService } from '@hub/schema/context';
import type pg from 'pg';
import { checkVerificationRequests } from './check-verification-requests.ts';
import { compareDeclaredWithFound } from './compare-declared-with-found.ts';
import { submitVerificationRequests } from './submit-verification-requests.ts';

export function createVerificationRequestService(
  pool: pg.Pool,
  comparisons: Pick<ComparisonService, 'startComparisonRun'>,
): VerificationRequestService {
  return {
    submitVerificationRequests: (inputs, submitter) => submitVerificationRequests(pool, inputs, submitter),
    checkVerificationRequests: (input, startedById) => checkVerificationRequests(pool, comparisons, input, startedById),
    compareDeclaredWithFound: (requestId) => compareDeclaredWithFound(pool, requestId),
  };
}
