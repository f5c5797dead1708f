import { gql } from '@apollo/client';
import { SHARING_AGREEMENT } from '../dataProvider/operations/sharing-agreements.ts';

export type AgreementTransition = 'submit' | 'approve' | 'return' | 'suspend' | 'resume' | 'revoke';

const mutation = (name: string, withReason: boolean) =>
  withReason
    ? gql`mutation ${name}($id: ID!, $reason: String!) { ${name}(id: $id, reason: $reason) { ${SHARING_AGREEMENT} } }`
    : gql`mutation ${name}($id: ID!) { ${name}(id: $id) { ${SHARING_AGREEMENT} } }`;

/** The life cycle's steps: which status each starts from, whether it needs a reason, and its mutation. */
export const AGREEMENT_TRANSITIONS: Record<
  AgreementTransition,
  { from: string[]; reason: boolean; document: ReturnType<typeof gql>; tone: 'primary' | 'warning' | 'error' }
> = {
  submit: { from: ['DRAFT'], reason: false, document: mutation('submitSharingAgreement', false), tone: 'primary' },
  approve: {
    from: ['PENDING_APPROVAL'],
    reason: false,
    document: mutation('approveSharingAgreement', false),
    tone: 'primary',
  },
  return: {
    from: ['PENDING_APPROVAL'],
    reason: true,
    document: mutation('returnSharingAgreement', true),
    tone: 'warning',
  },
  suspend: { from: ['ACTIVE'], reason: true, document: mutation('suspendSharingAgreement', true), tone: 'warning' },
  resume: { from: ['SUSPENDED'], reason: false, document: mutation('resumeSharingAgreement', false), tone: 'primary' },
  revoke: {
    from: ['PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED'],
    reason: true,
    document: mutation('revokeSharingAgreement', true),
    tone: 'error',
  },
};

/** The steps open to this viewer: approving needs someone other than the author. */
export function transitionsFor(agreement: { status: string; author?: { id: string } }, viewerId: string | undefined) {
  return (Object.keys(AGREEMENT_TRANSITIONS) as AgreementTransition[]).filter((transition) => {
    if (!AGREEMENT_TRANSITIONS[transition].from.includes(agreement.status)) return false;
    return transition !== 'approve' || agreement.author?.id !== viewerId;
  });
}
