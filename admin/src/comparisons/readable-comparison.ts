import { formatFen } from '../money.ts';

const YUAN = /¥(-?)(\d+)\.(\d{2})\b/g;
const CODE = /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g;

/**
 * The hub's line saying what a rule compared, as the portal shows amounts and words: yuan grouped ("¥39,840.00"), and
 * each code ("AT_OR_BELOW", "SOLE_TRADER") through `term`, which names it in the reader's language.
 */
export function readableComparison(text: string, locale: string, term: (code: string) => string): string {
  return text
    .replace(YUAN, (_match, sign: string, whole: string, cents: string) => formatFen(`${sign}${whole}${cents}`, locale))
    .replace(CODE, (code) => term(code));
}
