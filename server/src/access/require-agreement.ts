import type { Purpose } from '@hub/prisma';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import type { DisclosureLog, DisclosureSubject } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import { GraphQLError } from 'graphql';
import type { AgreementGrants } from './agreement-grants.ts';

const NOBODY = { subjectPersonId: null, subjectHouseholdId: null };

/** Personal data is asked for a declared, known purpose; the answer is the same whoever is asked about. */
export function requirePurpose(purpose: Purpose | null, declaredPurpose: string | null): asserts purpose is Purpose {
  if (purpose) return;
  throw declaredPurpose
    ? badUserInputError('UNKNOWN_PURPOSE', `unknown purpose "${declaredPurpose}" in x-hub-purpose`)
    : badUserInputError(
        'PURPOSE_REQUIRED',
        'declare the purpose of the request in the x-hub-purpose header (e.g. MINIMUM_LIVING_GUARANTEE)',
      );
}

// A lookup says whether a subject exists: only an agreement for the declared purpose, or holding the spine
// (civil affairs), lets a department learn it. Providing some dataset itself does not.
export async function refuseWithoutAgreement(request: {
  department: AgreementGrants['department'];
  byItem: AgreementGrants['byItem'];
  purpose: Purpose;
  itemCode: string;
  subject: (() => Promise<DisclosureSubject | null>) | undefined;
  disclosures: DisclosureLog | undefined;
}): Promise<void> {
  const { department, byItem, purpose, itemCode } = request;
  const holdsSpine = DATA_ITEMS.some((item) => item.dataset === null && item.providerKind === department.kind);
  if (byItem.size > 0 || holdsSpine) return;
  const subject = (await request.subject?.()) ?? NOBODY;
  request.disclosures?.record({ ...subject, outcome: 'DENIED', itemCode, reason: 'NO_AGREEMENT' });
  throw new GraphQLError(`your department has no active sharing agreement for the purpose ${purpose}`, {
    extensions: { code: 'FORBIDDEN', reason: 'NO_AGREEMENT', dataItem: itemCode, purpose },
  });
}
