import { POLICY_RULE_CODES, type PolicyRuleCode } from '@hub/prisma/policy/policy-rules';
import { sayAppliedRule } from '@hub/schema/comparisons/say-applied-rule';
import { describe, expect, it } from 'vitest';

const INCOME = { incomeFen: 106_501, members: 3 };

// Figures as applied-rules-sql.ts writes them, one set per rule.
const FIGURES: Record<PolicyRuleCode, Record<string, unknown>> = {
  STANDARD_IN_FORCE: { standardFen: 70_000, effectiveFrom: '2021-01-01', regionCode: '640100' },
  EMPLOYMENT_COST_DEDUCTION: { deductionPerWageFen: 30_000 },
  INCOME_EXCLUSIONS: {
    excludedKinds: ['SPECIAL_CARE', 'REWARD', 'ASSISTANCE'],
    excludedFen: 50_000,
    countedFen: 106_501,
  },
  RIGID_EXPENDITURE: { incomeFen: 150_000, rigidExpenditureFen: 43_499, netIncomeFen: 106_501 },
  SINGLE_PERSON_ENROLMENT: { personId: '3f2b8a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b', source: 'CASE', members: 1 },
  MINIMUM_LIVING_LINE: { ...INCOME, lineFen: 35_500, reading: 'BELOW' },
  LOW_INCOME_FLOOR: { ...INCOME, floorFen: 35_500, reading: 'ABOVE' },
  LOW_INCOME_LINE: { ...INCOME, lineFen: 53_250, multiplier: 1.5, reading: 'BELOW' },
  EXTREME_POVERTY_LINE: {
    ...INCOME,
    lineFen: 46_150,
    multiplier: 1.3,
    reading: 'AT_OR_BELOW',
    membersMeetingConditions: 2,
    minorUntilAge: 18,
    elderlyFromAge: 60,
  },
  GRACE_PERIOD: {
    graceStartedOn: '2026-01-15',
    source: 'EMPLOYMENT',
    enrolledSince: '2023-05-01',
    graceEndsOn: '2027-07-14',
    months: 18,
    lastMonth: false,
  },
  FINANCIAL_ASSET_LIMIT: { assetsFen: 107_034_00, members: 3, months: 24, limitFen: 59_760_00, reading: 'AT_OR_BELOW' },
  VEHICLE_EXEMPTION: {
    nonExemptVehicles: 1,
    exemptTypes: ['MOTORCYCLE', 'DISABILITY_VEHICLE'],
    exemptMaxValueFen: 3_000_000,
    reading: 'AT_OR_BELOW',
  },
  PROPERTY_LIMIT: {
    homes: 2,
    maxHomes: 1,
    nonResidential: true,
    residentialAreaM2: 160.5,
    members: 3,
    capPerPersonM2: 40,
    reading: 'AT_OR_BELOW',
  },
  BUSINESS_REGISTRATION: { withIncome: false, withoutIncome: true },
  STAFF_RELATIVES: { unfiled: true },
  BENEFIT_AMOUNT: {
    method: 'GAP',
    monthlyBenefitFen: 45_000,
    minimumBenefitFen: 5_000,
    severelyDisabledMembers: 1,
    severeDisabilityExtraFen: 10_000,
    oldAgeMembers: 0,
    oldAgeExtraFen: 0,
  },
  TEMPORARY_ASSISTANCE: {
    urbanStandardFen: 70_000,
    members: 3,
    emergencyFen: 420_000,
    expenditureFen: 630_000,
    individualFen: 105_000,
    requestedType: 'EMERGENCY',
    amountFen: 420_000,
  },
};

const applied = (rule: PolicyRuleCode) => ({ rule, citation: null, holds: false, figures: FIGURES[rule] });

describe('the sentence of every applied rule', () => {
  it.each(POLICY_RULE_CODES)('says %s in Chinese without a code, a key, an id or an amount in fen', (rule) => {
    const sentence = sayAppliedRule(applied(rule), 'zh-CN');
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).not.toMatch(
      /[A-Z]{2,}_[A-Z_]+|[a-z]+[A-Z][a-zA-Z]*|\bfen\b|\bnull\b|undefined|[0-9a-f]{8}-[0-9a-f]{4}/,
    );
    expect(sentence).not.toMatch(/[A-Z]{4,}/);
  });

  it.each(POLICY_RULE_CODES)('says %s in English without the raw name-value pairs of the figures', (rule) => {
    const sentence = sayAppliedRule(applied(rule), 'en');
    expect(sentence).not.toMatch(/[a-z]+Fen\b|[a-z]+[A-Z][a-zA-Z]*|\bnull\b|undefined|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(sentence).not.toMatch(/\b[A-Z]{3,}(?:_[A-Z]+)*\b/);
  });

  it('gives money in yuan with two decimals, and a per-capita income a fraction of a fen above the line exactly', () => {
    expect(sayAppliedRule(applied('MINIMUM_LIVING_LINE'), 'zh-CN')).toBe(
      '人均月收入 ¥355.00 + 1/3 分（¥1,065.01 ÷ 3 人） > 低保标准 ¥355.00，按“低于”判断',
    );
    expect(sayAppliedRule(applied('EMPLOYMENT_COST_DEDUCTION'), 'zh-CN')).toBe(
      '每笔工资收入先扣除就业成本 ¥300.00 再计入',
    );
    expect(sayAppliedRule(applied('VEHICLE_EXEMPTION'), 'zh-CN')).toBe(
      '不予豁免的车辆 1 辆（可豁免：摩托车、残疾人专用车；或价值不高于 ¥30,000.00）',
    );
  });
});
