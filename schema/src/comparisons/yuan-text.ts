import type { HubLanguage } from '../enum-labels/enum-value-label.ts';

// Money as a person reads it: yuan with two decimals and grouped thousands, exactly (never through floating point),
// and where a figure is a fraction of a fen (a line of 1.5 × an odd standard, income shared by 3), that fraction.

const FEN: Record<HubLanguage, string> = { 'zh-CN': '分', en: 'fen' };

/** Whole fen as yuan: 106501 → "¥1,065.01". */
export function yuanText(fen: number | string | bigint): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  const whole = String(absolute / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** An amount of fen that may hold a fraction: 53251.5 → "¥532.51 + 0.5 分". */
export function exactYuanText(fen: number, language: HubLanguage): string {
  const whole = Math.floor(fen);
  const rest = Number((fen - whole).toFixed(6));
  return rest === 0 ? yuanText(whole) : `${yuanText(whole)} + ${rest} ${FEN[language]}`;
}

/** income ÷ members exactly: "¥355.00 + 1/3 分（¥1,065.01 ÷ 3 人）", "¥355.00 + 1/3 fen (¥1,065.01 ÷ 3)". */
export function exactPerCapitaText(incomeFen: number | string, members: number, language: HubLanguage): string {
  if (!(members > 0)) return '—';
  const income = BigInt(incomeFen);
  const count = BigInt(members);
  const floor = income / count;
  const remainder = income - floor * count;
  const shown = remainder === 0n ? yuanText(floor) : `${yuanText(floor)} + ${remainder}/${count} ${FEN[language]}`;
  return language === 'en'
    ? `${shown} (${yuanText(income)} ÷ ${count})`
    : `${shown}（${yuanText(income)} ÷ ${count} 人）`;
}
