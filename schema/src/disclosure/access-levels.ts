import type { AccessLevel } from '@hub/prisma';

/** FULL discloses more than MASKED, MASKED more than DERIVED: the union of agreements keeps the highest. */
export const ACCESS_RANK: Record<AccessLevel, number> = { FULL: 3, MASKED: 2, DERIVED: 1 };

/** The levels at which records themselves are shown (identifiers masked at MASKED). */
export const RECORD_LEVELS: readonly AccessLevel[] = ['FULL', 'MASKED'];

/** The levels at which a computed fact is shown: every level. */
export const FACT_LEVELS: readonly AccessLevel[] = ['FULL', 'MASKED', 'DERIVED'];
