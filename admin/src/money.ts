/** Fen (an Int or a Fen decimal string) as yuan with two decimals, e.g. 123456 → "¥1,234.56". */
export function formatFen(fen: bigint | number | string | null | undefined, locale: string): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = new Intl.NumberFormat(locale).format(abs / 100n);
  const cents = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** An amount typed in yuan ("620", "620.5", "1,234.56") as fen, exactly; null when it is not such an amount. */
export function yuanToFen(text: string | number | null | undefined): bigint | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text ?? '').replace(/[,，\s¥￥]/g, ''));
  if (!match) return null;
  return BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as the yuan a form shows for editing: 62000 → "620.00"; empty stays empty. */
export function fenToYuan(fen: bigint | number | string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '';
  const value = BigInt(fen);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
