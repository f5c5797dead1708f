import type { DepartmentKind, ReferralNeed } from '../../generated/enums.ts';
import type { Citation } from './policy-rules.ts';

// 转介: an office refers a household it works with to the department whose help the household needs, and the
// department answers with what it did; the purpose CASE_REFERRAL and the data item CASE_REFERRAL rest on these.
export const CASE_REFERRAL_BASIS: readonly Citation[] = [
  {
    document: 'tieling-2021-difficult-families-action.txt',
    paragraph: '(二)开展困难群众排查: 需要其他部门帮扶的及时转介',
  },
  {
    document: 'lanping-county-draft-basic-living-coordination.txt',
    paragraph: '各乡(镇)街道职责: 按部门职责分工及时将求助信息分办、转介至县级相关职能部门',
  },
];

/** Each need with its name and the kinds of department that give that help (none yet for education: any). */
export const REFERRAL_NEEDS: Record<ReferralNeed, { zh: string; en: string; givenBy: readonly DepartmentKind[] }> = {
  MEDICAL: { zh: '医疗救助', en: 'Medical assistance', givenBy: ['MEDICAL_INSURANCE'] },
  HOUSING: { zh: '住房救助', en: 'Housing assistance', givenBy: ['HOUSING'] },
  EDUCATION: { zh: '教育救助', en: 'Education assistance', givenBy: [] },
  EMPLOYMENT: { zh: '就业救助', en: 'Employment assistance', givenBy: ['HUMAN_RESOURCES'] },
};
