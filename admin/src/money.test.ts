import { describe, expect, it } from 'vitest';
import { formatExactPerCapita } from './money.ts';

describe('formatExactPerCapita', () => {
  it('shows a third of a fen above ¥355.00 as such, never as ¥355.00, and an even share plainly', () => {
    expect(formatExactPerCapita('106501', '0', 3, 'zh-CN', '分')).toBe('¥355.00 + 1/3 分');
    expect(formatExactPerCapita(106_500, 0, 3, 'en', 'fen')).toBe('¥355.00');
    expect(formatExactPerCapita(106_499, 0, 3, 'en', 'fen')).toBe('¥354.99 + 2/3 fen');
  });

  it('deducts rigid expenditure first, never below zero, and shows nothing for no members', () => {
    expect(formatExactPerCapita(120_000, 60_001, 2, 'en', 'fen')).toBe('¥299.99 + 1/2 fen');
    expect(formatExactPerCapita(10_000, 60_000, 2, 'en', 'fen')).toBe('¥0.00');
    expect(formatExactPerCapita(10_000, 0, 0, 'en', 'fen')).toBe('—');
  });
});
