import type { CaseStatus, Prisma } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';
import { gracePeriodEnd } from './grace-period-end.ts';

/** A case's grace-period dates: its start as given, its end from the region's standard; none outside one. */
export async function settleGracePeriod(
  tx: Prisma.TransactionClient,
  household: { regionCode: string; areaType: 'URBAN' | 'RURAL' },
  status: CaseStatus,
  startedOn: Date | null | undefined,
): Promise<{ gracePeriodStartedOn: Date | null; gracePeriodEndsOn: Date | null }> {
  if (!startedOn) return { gracePeriodStartedOn: null, gracePeriodEndsOn: null };
  const endsOn = await gracePeriodEnd(tx, household, startedOn);
  if (!endsOn && status === 'GRACE_PERIOD') {
    throw badUserInputError(
      'NO_ASSISTANCE_STANDARD',
      `gracePeriodStartedOn: no assistance standard for ${household.regionCode} ${household.areaType} in ` +
        `${startedOn.getUTCFullYear()} or any region above it says how long the grace period lasts`,
      { field: 'gracePeriodStartedOn' },
    );
  }
  return { gracePeriodStartedOn: startedOn, gracePeriodEndsOn: endsOn };
}
