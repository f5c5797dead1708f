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

/**
 * Per-capita income exactly, never rounded into a line it is above: (income − rigid expenditure, never below zero)
 * ÷ members as the fen it rounds down to plus the remaining fraction of a fen, e.g. "¥355.00 + 1/3 分". The
 * comparison decides on this exact amount, so the figure shown beside the standard must not look equal to it.
 */
export function formatExactPerCapita(
  incomeFen: bigint | number | string | null | undefined,
  rigidExpenditureFen: bigint | number | string | null | undefined,
  members: number | null | undefined,
  locale: string,
  fenWord: string,
): string {
  if (incomeFen === null || incomeFen === undefined || incomeFen === '' || !members || members <= 0) return '—';
  const gross = BigInt(incomeFen) - BigInt(rigidExpenditureFen ?? 0);
  const net = gross > 0n ? gross : 0n;
  const count = BigInt(members);
  const remainder = net % count;
  const shown = formatFen(net / count, locale);
  return remainder === 0n ? shown : `${shown} + ${remainder}/${count} ${fenWord}`;
}
