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

  it('leaves a rule it does not know to the hub’s line', () => {
    expect(appliedRuleSentence({ ...line, rule: 'A_NEW_RULE' }, wordsOf(en, 'en'))).toBeNull();
  });
});
