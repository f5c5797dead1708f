/** Fen (an Int or a Fen decimal string) as yuan with two decimals, e.g. 123456 → "¥1,234.56". */
export function formatFen(fen: number | string | null | undefined, locale: string): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = new Intl.NumberFormat(locale).format(abs / 100n);
  const cents = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}
