import { describe, expect, it } from 'vitest';
import { readableComparison } from './readable-comparison.ts';

describe('a rule’s comparison as the portal shows it', () => {
  it('groups yuan and names codes in the reader’s words', () => {
    const words: Record<string, string> = { AT_OR_BELOW: '不高于', SOLE_TRADER: '个体工商户' };
    expect(
      readableComparison(
        'financial assets ¥39840.00 ≤ limit ¥1245.00, read AT_OR_BELOW; excludedKinds ["SOLE_TRADER"]',
        'zh-CN',
        (code) => words[code] ?? code,
      ),
    ).toBe('financial assets ¥39,840.00 ≤ limit ¥1,245.00, read 不高于; excludedKinds ["个体工商户"]');
  });

  it('keeps a negative amount’s sign', () => {
    expect(readableComparison('¥-1200.50', 'en', (code) => code)).toBe('-¥1,200.50');
  });
});
