import type { Purpose } from '@hub/prisma';
import type { CaseReferralRecipient, DisclosureLog, ItemAccess, Viewer } from '@hub/schema/context';
import { forbiddenError, unauthenticatedError } from '@hub/schema/errors';
import { GraphQLError } from 'graphql';
import { requirePurpose } from './require-agreement.ts';

const NOBODY = { subjectPersonId: null, subjectHouseholdId: null };

// A department reads the referrals made to it through its API client, declaring CASE_REFERRAL, under an active
// agreement for that purpose that gives it the CASE_REFERRAL item. Nobody else, its own staff and civil affairs
// included: deny by default, and a refusal says nothing of whether any referral exists.
export async function caseReferralRecipient(request: {
  viewer: Viewer | null;
  purpose: Purpose | null;
  declaredPurpose: string | null;
  decide: (itemCode: string) => Promise<ItemAccess>;
  disclosures: DisclosureLog | undefined;
}): Promise<CaseReferralRecipient> {
  const { viewer, purpose } = request;
  if (!viewer) throw unauthenticatedError();
  if (viewer.kind !== 'API_CLIENT') throw forbiddenError();
  requirePurpose(purpose, request.declaredPurpose);
  const access = purpose === 'CASE_REFERRAL' ? await request.decide('CASE_REFERRAL') : null;
  if (access?.level && access.agreementIds.length > 0) {
    return { departmentId: viewer.departmentId, agreementIds: access.agreementIds };
  }
  request.disclosures?.record({ ...NOBODY, outcome: 'DENIED', itemCode: 'CASE_REFERRAL', reason: 'NO_AGREEMENT' });
  throw new GraphQLError(
    'referrals are read under the purpose CASE_REFERRAL, by a department with an active sharing agreement for it',
    { extensions: { code: 'FORBIDDEN', reason: 'NO_AGREEMENT', dataItem: 'CASE_REFERRAL', purpose } },
  );
}
