import type { AssistanceKind, Purpose } from '@hub/prisma';

/** The purpose an authorisation signed for an application of each kind covers, besides the periodic reviews after it. */
export const ASSISTANCE_PURPOSE: Record<AssistanceKind, Purpose> = {
  MINIMUM_LIVING_GUARANTEE: 'MINIMUM_LIVING_GUARANTEE',
  LOW_INCOME: 'LOW_INCOME_RECOGNITION',
  EXTREME_POVERTY: 'EXTREME_POVERTY_SUPPORT',
  TEMPORARY_ASSISTANCE: 'TEMPORARY_ASSISTANCE',
};

/** How long a recorded authorisation covers its signers: the national template runs until the household leaves. */
export const AUTHORISATION_YEARS = 3;
