import type { AgreementStatus, Prisma } from '@hub/prisma';

// An agreement in force is ACTIVE only through its last valid day (inclusive, by Asia/Shanghai service days).
export function effectiveAgreementStatus(
  agreement: { status: AgreementStatus; validUntil: Date },
  today: Date,
): AgreementStatus {
  const lapsed = agreement.validUntil.getTime() < today.getTime();
  return lapsed && (agreement.status === 'ACTIVE' || agreement.status === 'SUSPENDED') ? 'EXPIRED' : agreement.status;
}

/** The agreements whose effective status (not their stored one) is `status` on `today`. */
export function effectiveStatusWhere(status: AgreementStatus, today: Date): Prisma.SharingAgreementWhereInput {
  switch (status) {
    case 'ACTIVE':
    case 'SUSPENDED':
      return { status, validUntil: { gte: today } };
    case 'EXPIRED':
      return { OR: [{ status: 'EXPIRED' }, { status: { in: ['ACTIVE', 'SUSPENDED'] }, validUntil: { lt: today } }] };
    default:
      return { status };
  }
}
