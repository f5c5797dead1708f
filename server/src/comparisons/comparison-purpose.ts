import type { ComparisonKind, Purpose } from '@hub/prisma';

/** The purpose under which each kind of comparison reads and discloses data, as its audit entries record it. */
export const COMPARISON_PURPOSE: Record<ComparisonKind, Purpose> = {
  APPLICATION: 'MINIMUM_LIVING_GUARANTEE',
  PERIODIC_REVIEW: 'PERIODIC_REVIEW',
  DEATH_CHECK: 'PERIODIC_REVIEW',
  STAFF_RELATIVES: 'PERIODIC_REVIEW',
  // 统筹低收入人口认定、监测 (lanping-county draft): monitoring serves the recognition of low-income households.
  POPULATION_MONITORING: 'LOW_INCOME_RECOGNITION',
};
