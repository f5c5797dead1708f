import type { RegionLevel } from '@hub/prisma';

// Region codes as the hub keeps them: provinces, cities and counties by their six-digit GB/T 2260 code (the prefix of
// every identity number, and the code standards and runs name), townships and villages by their twelve-digit
// statistical code (统计用区划代码). A statistical table writes every code with twelve digits: 361100000000 is 361100.

export const REGION_LEVELS: readonly RegionLevel[] = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'];

/** The digits of a code that its children share: 36 for a province, 3611 for a city, 361102 for a county, ... */
const SHARED_PREFIX: Record<RegionLevel, number> = { PROVINCE: 2, CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 };

/** A code as the hub keeps it, or a sentence saying why it is no code of that level. */
export function normalizeRegionCode(code: string, level: RegionLevel): { code: string } | { problem: string } {
  const sixDigitLevel = level === 'PROVINCE' || level === 'CITY' || level === 'COUNTY';
  let normalized = code;
  if (/^\d{12}$/.test(code) && sixDigitLevel) {
    if (!code.endsWith('000000')) return { problem: `a ${level.toLowerCase()}'s 12-digit code ends in 000000` };
    normalized = code.slice(0, 6);
  }
  if (sixDigitLevel) {
    if (!/^\d{6}$/.test(normalized)) return { problem: 'a province, city or county has a 6- or 12-digit code' };
    if (level === 'PROVINCE' && !normalized.endsWith('0000')) return { problem: "a province's code ends in 0000" };
    if (level === 'CITY' && (!normalized.endsWith('00') || normalized.endsWith('0000'))) {
      return { problem: "a city's code ends in 00, not 0000" };
    }
    if (level === 'COUNTY' && normalized.endsWith('00')) return { problem: "a county's code does not end in 00" };
    return { code: normalized };
  }
  if (!/^\d{12}$/.test(code)) return { problem: 'a township or village has a 12-digit statistical code' };
  if (level === 'TOWNSHIP' && !code.endsWith('000')) return { problem: "a township's code ends in 000" };
  if (level === 'VILLAGE' && code.endsWith('000')) return { problem: "a village's code does not end in 000" };
  return { code };
}

/** A parent code as the hub keeps it: a twelve-digit code of a county or above is its first six digits. */
export function normalizeParentCode(code: string): string {
  return /^\d{6}000000$/.test(code) ? code.slice(0, 6) : code;
}

/** Whether a region of `level` and `code` can sit under `parent`: a deeper level, and the parent's digits. */
export function fitsUnder(child: { code: string; level: RegionLevel }, parent: { code: string; level: RegionLevel }) {
  const deeper = REGION_LEVELS.indexOf(child.level) > REGION_LEVELS.indexOf(parent.level);
  const prefix = SHARED_PREFIX[parent.level];
  return deeper && child.code.slice(0, prefix) === parent.code.slice(0, prefix);
}
