import type { Purpose } from '@hub/prisma';

/** Each purpose's name in Chinese, as the printed records and the enum's descriptions give it. */
export const PURPOSE_NAMES: Record<Purpose, string> = {
  MINIMUM_LIVING_GUARANTEE: '最低生活保障',
  LOW_INCOME_RECOGNITION: '低收入家庭认定',
  EXTREME_POVERTY_SUPPORT: '特困人员供养',
  TEMPORARY_ASSISTANCE: '临时救助',
  HOUSING_SUBSIDY: '住房保障',
  EMPLOYMENT_ASSISTANCE: '就业救助',
  MEDICAL_ASSISTANCE: '医疗救助',
  EDUCATION_ASSISTANCE: '教育救助',
  PERIODIC_REVIEW: '定期复核',
  CASE_REFERRAL: '转介',
};
