// The rules of the policy documents the comparison engine applies, each with the documentary basis a region's own
// citation replaces, the condition its `holds` answers, and the test that specifies it. docs/policy.md, the GraphQL
// PolicyRule enum and every assessment's applied rules are read from this list.

export interface Citation {
  /** A file of the policy texts (../shared/policy-texts), or domain.md where no text sets the rule. */
  document: string;
  /** The paragraph's own heading or number. */
  paragraph: string;
}

export interface PolicyRuleDefinition {
  title: string;
  /** The policy sentence, quoted where a text has one. */
  sentence: string;
  /** What `holds: true` means in an applied rule. */
  condition: string;
  basis: Citation;
  /** The figures of a standard the rule reads. */
  figures: readonly string[];
  test: { file: string; name: string };
}

const YINCHUAN_2021 = 'yinchuan-2021-assistance-and-rural-revitalisation.txt';
const TIELING_2021 = 'tieling-2021-difficult-families-action.txt';
const SHANGRAO_2017 = 'shangrao-county-2017-rural-dibao-and-poverty.txt';
const LOCAL_PRACTICE: Citation = { document: 'domain.md', paragraph: 'Asset and income rules seen in local practice' };
const RULES_TEST = 'tests/policy/policy-rules.test.ts';

export const POLICY_RULES = {
  STANDARD_IN_FORCE: {
    title: '低保 standard in force',
    sentence: '2016-2020年农村低保标准分别为3240元/年、3660元/年、4260元/年、4860元/年、5640元/年。',
    condition: 'a standard is in force for the household’s region, area type and as-of date',
    basis: { document: SHANGRAO_2017, paragraph: '一、提标提补保障机制' },
    figures: ['minimumLivingMonthlyFen', 'effectiveFrom'],
    test: { file: 'tests/policy/policy-fixtures.test.ts', name: 'reads the Shangrao rural standard of each year' },
  },
  EMPLOYMENT_COST_DEDUCTION: {
    title: 'Employment-cost deduction',
    sentence: 'An employment-cost deduction applies to wages in some places.',
    condition: 'always (the deduction may be zero)',
    basis: LOCAL_PRACTICE,
    figures: ['employmentCostDeductionFen'],
    test: { file: RULES_TEST, name: 'deducts the employment cost from each wage' },
  },
  INCOME_EXCLUSIONS: {
    title: 'Income not counted',
    sentence: 'Not counted as income: special-care (优抚) and reward payments, assistance payments.',
    condition: 'no income of an excluded kind was counted',
    basis: LOCAL_PRACTICE,
    figures: ['excludedIncomeKinds'],
    test: { file: RULES_TEST, name: 'leaves out income of an excluded kind, and counts it when not excluded' },
  },
  RIGID_EXPENDITURE: {
    title: 'Rigid expenditure deducted',
    sentence: '对因病、因学等刚性支出较大的家庭，在计算家庭可支配收入时予以扣减。',
    condition: 'declared rigid expenditure was deducted',
    basis: { document: YINCHUAN_2021, paragraph: '二(四)' },
    figures: [],
    test: { file: RULES_TEST, name: 'deducts declared rigid expenditure, and nothing when none is declared' },
  },
  SINGLE_PERSON_ENROLMENT: {
    title: '单人户',
    sentence: '将生活困难，丧失劳动能力靠家庭供养的重度残疾人、重病患者按照单人户纳入低保。',
    condition:
      'the enrolled case, or for a household not enrolled its open application (a verification request naming a member declared severely disabled or critically ill), enrols one member alone, who alone is assessed',
    basis: { document: YINCHUAN_2021, paragraph: '二(四)' },
    figures: [],
    test: { file: RULES_TEST, name: 'assesses the member of a 单人户 case alone, and the whole household otherwise' },
  },
  MINIMUM_LIVING_LINE: {
    title: '低保 line',
    sentence:
      '分档或根据家庭成员在扣除必要的刚性支出后的人均收入与低保标准的实际差额发放低保金 (低保 when per-capita income is below the standard).',
    condition: 'per-capita income is within the 低保 line under the region’s reading (BELOW by default)',
    basis: { document: YINCHUAN_2021, paragraph: '二(四)' },
    figures: ['minimumLivingMonthlyFen', 'minimumLivingLine'],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: '低保 line' },
  },
  LOW_INCOME_FLOOR: {
    title: '低收入 floor: exactly on the 低保 standard',
    sentence:
      '将家庭人均收入高于低保标准，但低于低保标准1.5倍……的家庭纳入低收入家庭保障范围 (高于: strictly above the standard).',
    condition:
      'per-capita income is above the 低保 standard (ABOVE, by default) or at least it (AT_OR_ABOVE); exactly on the standard with the 低保 line read BELOW and the floor ABOVE, the household is BETWEEN_LINES: neither 低保 nor 低收入',
    basis: { document: TIELING_2021, paragraph: '四(三)' },
    figures: ['minimumLivingMonthlyFen', 'lowIncomeFloor'],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: '低收入 floor' },
  },
  LOW_INCOME_LINE: {
    title: '低收入 line',
    sentence: '将家庭人均收入高于低保标准，但低于低保标准1.5倍且家庭财产符合低保条件的家庭纳入低收入家庭保障范围。',
    condition: 'per-capita income is within the low-income line (multiplier × standard) under the region’s reading',
    basis: { document: TIELING_2021, paragraph: '四(三)' },
    figures: ['lowIncomeMultiplier', 'lowIncomeLine'],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: '低收入 line' },
  },
  EXTREME_POVERTY_LINE: {
    title: '特困 basic living standard and conditions',
    sentence:
      '将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁……合理制定特困人员基本生活标准，按照不低于当地低保标准的1.3倍确定。',
    condition:
      'per-capita income is within the 特困 standard (multiplier × standard) and every member is a minor, elderly or severely disabled',
    basis: { document: YINCHUAN_2021, paragraph: '二(六)' },
    figures: [
      'extremePovertyMultiplier',
      'extremePovertyLine',
      'extremePovertyMinorUntilAge',
      'extremePovertyElderlyFromAge',
    ],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: '特困 line' },
  },
  GRACE_PERIOD: {
    title: '渐退期',
    sentence:
      '对低保对象实现就业，共同生活家庭成员人均收入超过当地低保标准的，给予18个月以内的渐退期。渐退期内，相关低保救助政策维持不变。',
    condition:
      'the 低保 household is within its grace period on the as-of date: the grace months of the policy version in force on its first day, counted from the grace-period start the register records, or else from the first job a member started while the household was enrolled (its unbroken run of cases)',
    basis: { document: YINCHUAN_2021, paragraph: '二(四)' },
    figures: ['gracePeriodMonths'],
    test: {
      file: 'tests/policy/grace-period.test.ts',
      name: 'holds the flag back from the register’s grace-period start, warns in its last month, flags after it',
    },
  },
  FINANCIAL_ASSET_LIMIT: {
    title: 'Financial assets',
    sentence: 'Financial assets per head at most N × the monthly 低保 standard.',
    condition:
      'financial assets are at most members × months × standard (AT_OR_BELOW, by default), or below it where the region reads the limit BELOW',
    basis: LOCAL_PRACTICE,
    figures: ['financialAssetMonths', 'financialAssetLine'],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: 'financial asset limit' },
  },
  VEHICLE_EXEMPTION: {
    title: 'Vehicles',
    sentence:
      'No vehicle, except disability vehicles, motorcycles and e-bikes; some places exempt a vehicle worth ≤ ¥30,000.',
    condition:
      'every vehicle is of an exempt type or worth at most the exempt value (AT_OR_BELOW, by default; below it read BELOW)',
    basis: LOCAL_PRACTICE,
    figures: ['exemptVehicleTypes', 'exemptVehicleMaxValueFen', 'exemptVehicleValueLine'],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: 'vehicle exemption' },
  },
  PROPERTY_LIMIT: {
    title: 'Property by count and area',
    sentence: 'At most one home, no non-residential property; some places cap area.',
    condition:
      'homes are at most the limit, none is non-residential, and the area per member is within the cap (at most it, AT_OR_BELOW, by default; below it read BELOW)',
    basis: LOCAL_PRACTICE,
    figures: ['maxHomes', 'residentialAreaPerPersonCapM2', 'residentialAreaLine'],
    test: { file: 'tests/policy/policy-boundaries.test.ts', name: 'residential area cap' },
  },
  BUSINESS_REGISTRATION: {
    title: 'Business registration',
    sentence: 'Business registration disqualifies unless the household shows it earns nothing.',
    condition: 'no active business with income (or with income unknown)',
    basis: LOCAL_PRACTICE,
    figures: [],
    test: { file: RULES_TEST, name: 'tells a business with no income from one with income' },
  },
  STAFF_RELATIVES: {
    title: 'Staff and their close relatives',
    sentence: '对……民政部门干部职工本人及其近亲属享受低保情况进行集中复核，重点查看……近亲属享受低保备案是否完全。',
    condition:
      'no staff member or close relative of one is in the household without a filing; close relatives as domain.md lists them (spouse; both sides’ parents and siblings; children and their spouses; grandparents; grandchildren; uncles and aunts), as far as hukou booklets, marriage registrations and the register’s households, past memberships included, show them',
    basis: { document: TIELING_2021, paragraph: '四(六)' },
    figures: [],
    test: {
      file: 'tests/policy/staff-relatives.test.ts',
      name: 'flags the staff member’s %s: the staff member %s, the recipient %s of the head',
    },
  },
  BENEFIT_AMOUNT: {
    title: 'Monthly benefit',
    sentence:
      '分档或根据……人均收入与低保标准的实际差额发放低保金……对低保家庭中的重度残疾等特殊困难人员，可增发一定数额的低保金。',
    condition: 'the household would receive a benefit',
    basis: { document: YINCHUAN_2021, paragraph: '二(四)' },
    figures: [
      'benefitMethod',
      'benefitTiers',
      'minimumBenefitFen',
      'severeDisabilityExtraFen',
      'oldAgeExtraFen',
      'oldAgeExtraFromAge',
    ],
    test: { file: RULES_TEST, name: 'pays the gap with the minimum and the extras, or by tier' },
  },
  TEMPORARY_ASSISTANCE: {
    title: '临时救助 amounts',
    sentence:
      '对急难型困难家庭人均救助标准不低于当地城市低保月保障标准的2倍。支出型困难家庭人均救助标准不低于当地城市低保月保障标准的3倍。对个人救助对象每人按照不低于当地城市低保月保障标准的水平的1.5倍给予救助。',
    condition:
      'the household applied for temporary assistance; where its request says the kind (EMERGENCY 急难型, EXPENDITURE 支出型, INDIVIDUAL), the amount of that kind',
    basis: { document: YINCHUAN_2021, paragraph: '二(七)' },
    figures: ['emergencyAssistanceMultiplier', 'expenditureAssistanceMultiplier', 'individualAssistanceMultiplier'],
    test: {
      file: RULES_TEST,
      name: 'computes temporary assistance from the urban standard for a request of that kind',
    },
  },
} as const satisfies Record<string, PolicyRuleDefinition>;

export type PolicyRuleCode = keyof typeof POLICY_RULES;

export const POLICY_RULE_CODES = Object.keys(POLICY_RULES) as PolicyRuleCode[];

/** Each rule's documentary basis, keyed by rule: the citation an assessment shows where the region records none. */
export function basisCitations(): Record<PolicyRuleCode, Citation> {
  return Object.fromEntries(POLICY_RULE_CODES.map((code) => [code, POLICY_RULES[code].basis])) as Record<
    PolicyRuleCode,
    Citation
  >;
}
