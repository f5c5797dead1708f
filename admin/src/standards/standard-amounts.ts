import { fenToYuan, formatFen, yuanToFen } from '../money.ts';

// A monthly 低保 standard outside these bounds is refused: no region's standard is anywhere near them.
const HARD_MINIMUM_FEN = 1_00n;
const HARD_MAXIMUM_FEN = 50_000_00n;
// Outside these it is possible but unlikely (a figure typed in fen, or per year): the officer confirms it.
export const PLAUSIBLE_MONTHLY_STANDARD_FEN = { minimum: 100_00n, maximum: 5_000_00n };

/** react-admin validator for an amount in yuan with at most two decimals. */
export function validateYuan(value: unknown) {
  if (value === undefined || value === null || value === '') return undefined;
  return yuanToFen(value as string) === null ? 'hub.money.invalid_yuan' : undefined;
}

/** react-admin validator for the monthly standard: an amount in yuan within the hard bounds. */
export function validateMonthlyStandardYuan(value: unknown) {
  const invalid = validateYuan(value);
  if (invalid) return invalid;
  const fen = yuanToFen(value as string);
  if (fen === null) return undefined;
  if (fen < HARD_MINIMUM_FEN || fen > HARD_MAXIMUM_FEN) {
    return {
      message: 'hub.standards.out_of_range',
      args: { minimum: formatFen(HARD_MINIMUM_FEN, 'zh-CN'), maximum: formatFen(HARD_MAXIMUM_FEN, 'zh-CN') },
    };
  }
  return undefined;
}

/** Whether a monthly standard (in yuan, as typed) is unusual enough to ask the officer to confirm it. */
export function isImplausibleMonthlyStandard(yuan: unknown): boolean {
  const fen = yuanToFen(yuan as string);
  if (fen === null) return false;
  return fen < PLAUSIBLE_MONTHLY_STANDARD_FEN.minimum || fen > PLAUSIBLE_MONTHLY_STANDARD_FEN.maximum;
}

/** A standard as its form edits it: money in yuan. */
// biome-ignore lint/suspicious/noExplicitAny: a standard as the hub answers it
export const standardInYuan = (standard: any) => ({
  ...standard,
  regionCode: standard.region?.code,
  minimumLivingMonthlyYuan: fenToYuan(standard.minimumLivingMonthlyFen),
  exemptVehicleMaxValueYuan: fenToYuan(standard.exemptVehicleMaxValueFen),
});
