import { POLICY_RULES, type PolicyRuleCode } from '@hub/prisma/policy/policy-rules';
import { builder } from '../builder.ts';

export const LineReadingEnum = builder.enumType('LineReading', {
  description: 'How a line is read at its edge: the documents say 低于 (below) for every line.',
  values: {
    BELOW: { value: 'BELOW', description: '低于: strictly below the line; exactly at it is outside.' },
    AT_OR_BELOW: { value: 'AT_OR_BELOW', description: '不高于: at the line or below it.' },
  } as const,
});

export const FloorReadingEnum = builder.enumType('FloorReading', {
  description: 'How the 低收入 band reads its floor, the 低保 standard: Tieling 2021 says 高于 (above) it.',
  values: {
    ABOVE: {
      value: 'ABOVE',
      description: '高于: strictly above the standard; exactly on it (with a 低保 line read BELOW) is BETWEEN_LINES.',
    },
    AT_OR_ABOVE: { value: 'AT_OR_ABOVE', description: '不低于: the standard itself is in the 低收入 band.' },
  } as const,
});

export const BenefitMethodEnum = builder.enumType('BenefitMethod', {
  values: {
    GAP: { value: 'GAP', description: '差额: members × the standard less the household’s net income.' },
    TIERS: { value: 'TIERS', description: '分档: a fixed amount per member by per-capita income tier.' },
  } as const,
});

export const IncomeKindEnum = builder.enumType('IncomeKind', {
  values: {
    WAGE: { value: 'WAGE', description: 'Wages on record (less the employment-cost deduction).' },
    HOUSING_FUND_IMPLIED_WAGE: {
      value: 'HOUSING_FUND_IMPLIED_WAGE',
      description: 'The wage a paying housing-fund account implies where no wage is on record.',
    },
    PENSION: { value: 'PENSION' },
    UNEMPLOYMENT_BENEFIT: { value: 'UNEMPLOYMENT_BENEFIT' },
    BUSINESS: { value: 'BUSINESS', description: 'Declared or taxed business income.' },
    SPECIAL_CARE: { value: 'SPECIAL_CARE', description: '优抚 payments (no department delivers them yet).' },
    REWARD: { value: 'REWARD', description: 'Reward payments (no department delivers them yet).' },
    ASSISTANCE: { value: 'ASSISTANCE', description: 'Assistance payments (no department delivers them yet).' },
  } as const,
});

function describe(code: PolicyRuleCode): string {
  const rule = POLICY_RULES[code];
  return `${rule.title}: ${rule.sentence} Holds when ${rule.condition}. Basis: ${rule.basis.document}, ${rule.basis.paragraph}.`;
}

export const PolicyRuleEnum = builder.enumType('PolicyRule', {
  description: 'A rule of the policy documents the comparisons apply; docs/policy.md lists each with its test.',
  values: Object.fromEntries(
    (Object.keys(POLICY_RULES) as PolicyRuleCode[]).map((code) => [code, { value: code, description: describe(code) }]),
  ) as Record<PolicyRuleCode, { value: PolicyRuleCode; description: string }>,
});
