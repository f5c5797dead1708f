import { describe, expect, it } from 'vitest';
import { englishMessages as en } from '../i18n/en.ts';
import { chineseMessages as zhCn } from '../i18n/zh-cn.ts';
import { appliedRuleSentence } from './applied-rule-sentence.ts';

// The translation files' own templates, filled the way react-admin's polyglot fills them.
function wordsOf(messages: Record<string, unknown>, locale: string) {
  const lookup = (key: string): string | undefined =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages) as
      | string
      | undefined;
  const translate = (key: string, values: Record<string, unknown> = {}) =>
    (lookup(key) ?? key).replace(/%\{(\w+)\}/g, (_match, name: string) => String(values[name] ?? ''));
  const term = (code: string) => lookup(`hub.comparison_terms.${code}`) ?? code;
  return { translate, locale, term };
}

const line = {
  rule: 'LOW_INCOME_LINE',
  holds: false,
  figures: JSON.stringify({ incomeFen: 106501, members: 3, lineFen: 53251.5, multiplier: 1.5, reading: 'AT_OR_BELOW' }),
  compared: 'per-capita income …',
};

describe('what an applied rule compared, in the reader’s language', () => {
  it('says it in Chinese in the Chinese portal, with yuan, an exact fen fraction and the reading in words', () => {
    expect(appliedRuleSentence(line, wordsOf(zhCn, 'zh-CN'))).toBe(
      '人均收入 ¥355.00 + 1/3 分（¥1,065.01 ÷ 3 人）≤ 标准线 ¥532.51 + 0.5 分（标准的 1.5 倍），按“不高于”判断',
    );
  });

  it('says it in English in the English portal', () => {
    const assets = {
      rule: 'FINANCIAL_ASSET_LIMIT',
      holds: false,
      figures: JSON.stringify({ assetsFen: 3984000, limitFen: 124500, members: 1, months: 24, reading: 'BELOW' }),
      compared: '',
    };
    expect(appliedRuleSentence(assets, wordsOf(en, 'en'))).toBe(
      'financial assets ¥39,840.00 ≥ limit ¥1,245.00 (1 × 24 months)',
    );
  });

  // The figures exactly as server/src/comparisons/applied-rules-sql.ts writes them, for the rules read off a record.
  const applied = (rule: string, holds: boolean | null, figures: Record<string, unknown>) => ({
    rule,
    holds,
    figures: JSON.stringify(figures),
    compared: '',
  });
  const asRead = [
    applied('EMPLOYMENT_COST_DEDUCTION', true, { deductionPerWageFen: 0 }),
    applied('EMPLOYMENT_COST_DEDUCTION', true, { deductionPerWageFen: 20000 }),
    applied('INCOME_EXCLUSIONS', false, {
      excludedKinds: ['SPECIAL_CARE', 'REWARD', 'ASSISTANCE'],
      excludedFen: 50000,
      countedFen: 324300,
    }),
    applied('INCOME_EXCLUSIONS', true, { excludedKinds: null, excludedFen: 0, countedFen: 324300 }),
    applied('GRACE_PERIOD', true, {
      graceStartedOn: '2026-03-01',
      source: 'EMPLOYMENT',
      enrolledSince: '2024-05-01',
      graceEndsOn: '2027-08-31',
      months: 18,
      lastMonth: false,
    }),
    applied('GRACE_PERIOD', false, {
      graceStartedOn: '2024-01-01',
      source: 'REGISTER',
      enrolledSince: null,
      graceEndsOn: '2025-06-30',
      months: 18,
      lastMonth: false,
    }),
    applied('VEHICLE_EXEMPTION', true, {
      nonExemptVehicles: 0,
      exemptTypes: ['MOTORCYCLE', 'DISABILITY_VEHICLE'],
      exemptMaxValueFen: 3000000,
      reading: 'AT_OR_BELOW',
    }),
    applied('VEHICLE_EXEMPTION', false, {
      nonExemptVehicles: 2,
      exemptTypes: [],
      exemptMaxValueFen: null,
      reading: 'BELOW',
    }),
    applied('PROPERTY_LIMIT', true, {
      homes: 1,
      maxHomes: 1,
      nonResidential: false,
      residentialAreaM2: '86.5',
      members: 3,
      capPerPersonM2: null,
      reading: 'AT_OR_BELOW',
    }),
    applied('PROPERTY_LIMIT', false, {
      homes: 2,
      maxHomes: 1,
      nonResidential: true,
      residentialAreaM2: 180,
      members: 3,
      capPerPersonM2: 40,
      reading: 'BELOW',
    }),
    applied('BUSINESS_REGISTRATION', true, { withIncome: false, withoutIncome: false }),
    applied('BUSINESS_REGISTRATION', true, { withIncome: false, withoutIncome: true }),
    applied('BUSINESS_REGISTRATION', false, { withIncome: true, withoutIncome: false }),
    applied('STAFF_RELATIVES', true, { unfiled: false }),
    applied('STAFF_RELATIVES', false, { unfiled: true }),
  ];

  it('says what each rule read off the records in Chinese: amounts in yuan, kinds and types in words', () => {
    const said = asRead.map((rule) => appliedRuleSentence(rule, wordsOf(zhCn, 'zh-CN')));
    expect(said).toEqual([
      '本地工资不扣除就业成本',
      '每笔工资先扣除就业成本 ¥200.00',
      '不计入收入：优抚金、奖励、救助金；本户未计入 ¥500.00，计入 ¥3,243.00',
      '各类收入均计入：¥3,243.00',
      '自 2024-05-01 起享受低保；渐退期 2026-03-01 至 2027-08-31（18 个月，自成员就业起算）',
      '渐退期 2024-01-01 至 2025-06-30（18 个月，按救助档案记录），核对基准日已过',
      '不予豁免的车辆 0 辆（可豁免：摩托车、残疾人专用车；或价值不高于 ¥30,000.00）',
      '不予豁免的车辆 2 辆（可豁免：无）',
      '住房 1 套（上限 1 套）；无非住宅房产；住宅面积 86.5 平方米，人均面积不设上限',
      '住房 2 套（上限 1 套）；有非住宅房产；住宅面积 180 平方米（3 人，人均上限 40 平方米，按“低于”判断）',
      '无工商登记',
      '有工商登记，但无经营收入',
      '有经营收入（或收入不明）的工商登记',
      '无未备案的经办人员或其近亲属',
      '有未备案的经办人员或其近亲属',
    ]);
  });

  it('leaves no code, key or fen amount in any rule’s sentence, in either language', () => {
    for (const [messages, locale] of [
      [zhCn, 'zh-CN'],
      [en, 'en'],
    ] as const) {
      for (const rule of asRead) {
        const sentence = appliedRuleSentence(rule, wordsOf(messages, locale));
        expect(sentence, rule.rule).not.toBeNull();
        expect(sentence, rule.rule).not.toMatch(/[A-Z]{2,}_?[A-Z]*|[a-z]+[A-Z][a-zA-Z]*|%\{|\b\d{5,}\b|null|undefined/);
      }
    }
  });

  it('leaves a rule it does not know to the hub’s line', () => {
    expect(appliedRuleSentence({ ...line, rule: 'A_NEW_RULE' }, wordsOf(en, 'en'))).toBeNull();
  });
});
