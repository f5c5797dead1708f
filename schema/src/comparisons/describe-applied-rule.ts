import type { Citation, PolicyRuleCode } from '@hub/prisma/policy/policy-rules';

// How an applied rule reads to a person: the figures it compared, exactly. Per-capita income is shown as the fen it
// rounds down to plus the remaining fraction of a fen, so a figure never looks equal to a line it is above.

export interface StoredAppliedRule {
  rule: PolicyRuleCode;
  citation: Citation | null;
  holds: boolean | null;
  figures: Record<string, unknown>;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
/** A list of codes in lower-case words: "motorcycle, disability vehicle". */
const words = (values: unknown) =>
  Array.isArray(values) && values.length
    ? values.map((value) => String(value).toLowerCase().replaceAll('_', ' ')).join(', ')
    : 'none';

/** An exact amount of fen, possibly a fraction (a line of 1.5 × an odd standard): ¥532.51½ is 53251.5 fen. */
function exactYuan(fen: number | string): string {
  const value = Number(fen);
  const whole = Math.floor(value);
  const rest = value - whole;
  return rest === 0 ? yuan(whole) : `${yuan(whole)} + ${Number(rest.toFixed(6))} fen`;
}

/** incomeFen ÷ members exactly: "¥355.00 + 1/3 fen (¥1065.01 ÷ 3)". */
export function exactPerCapita(incomeFen: number | string, members: number): string {
  const income = Number(incomeFen);
  if (members <= 0) return '—';
  const floor = Math.floor(income / members);
  const remainder = income - floor * members;
  const shown = remainder === 0 ? yuan(floor) : `${yuan(floor)} + ${remainder}/${members} fen`;
  return `${shown} (${yuan(income)} ÷ ${members})`;
}

function lineComparison(figures: Record<string, unknown>, holds: boolean): string {
  const income = Number(figures.incomeFen);
  const members = Number(figures.members);
  const within = figures.reading === 'AT_OR_BELOW' ? '≤' : '<';
  const outside = figures.reading === 'AT_OR_BELOW' ? '>' : '≥';
  const multiplier = figures.multiplier === undefined ? '' : ` (${String(figures.multiplier)} × the standard)`;
  return `per-capita income ${exactPerCapita(income, members)} ${holds ? within : outside} line ${exactYuan(
    figures.lineFen as number,
  )}${multiplier}, read ${String(figures.reading)}`;
}

function floorComparison(figures: Record<string, unknown>): string {
  const income = Number(figures.incomeFen);
  const members = Number(figures.members);
  const floor = members * Number(figures.floorFen);
  const inclusive = figures.reading === 'AT_OR_ABOVE';
  const sign = income > floor ? '>' : income === floor ? '=' : '<';
  const holds = inclusive ? income >= floor : income > floor;
  return `per-capita income ${exactPerCapita(income, members)} ${sign} the 低保 standard ${exactYuan(
    figures.floorFen as number,
  )}, read ${String(figures.reading)}: ${holds ? 'within' : 'not within'} the 低收入 band's floor`;
}

/** One line of plain text saying what the rule compared and how it came out. */
export function describeAppliedRule(applied: StoredAppliedRule): string {
  const f = applied.figures;
  switch (applied.rule) {
    case 'MINIMUM_LIVING_LINE':
    case 'LOW_INCOME_LINE':
    case 'EXTREME_POVERTY_LINE':
      return lineComparison(f, lineHolds(f));
    case 'LOW_INCOME_FLOOR':
      return floorComparison(f);
    case 'STANDARD_IN_FORCE':
      return `standard ${yuan(Number(f.standardFen))} per person per month, in force from ${String(f.effectiveFrom)} (${String(f.regionCode)})`;
    case 'FINANCIAL_ASSET_LIMIT':
      return `financial assets ${yuan(Number(f.assetsFen))} ${
        f.reading === 'BELOW' ? (applied.holds ? '<' : '≥') : applied.holds ? '≤' : '>'
      } limit ${yuan(Number(f.limitFen))} (${String(f.members)} × ${String(f.months)} months)`;
    case 'RIGID_EXPENDITURE':
      return `income ${yuan(Number(f.incomeFen))} − rigid expenditure ${yuan(Number(f.rigidExpenditureFen))} = ${yuan(Number(f.netIncomeFen))}`;
    case 'SINGLE_PERSON_ENROLMENT':
      return `one member assessed alone (单人户), as the ${f.source === 'APPLICATION' ? 'application asks' : 'case enrols'}`;
    case 'BENEFIT_AMOUNT':
      return `${yuan(Number(f.monthlyBenefitFen))} a month (${String(f.method)})`;
    case 'TEMPORARY_ASSISTANCE':
      return `${f.requestedType ? `${String(f.requestedType)} requested: ${yuan(Number(f.amountFen))}; ` : ''}emergency ${yuan(Number(f.emergencyFen))}, expenditure-type ${yuan(Number(f.expenditureFen))}, individual ${yuan(Number(f.individualFen))} (urban standard ${yuan(Number(f.urbanStandardFen))})`;
    case 'EMPLOYMENT_COST_DEDUCTION':
      return Number(f.deductionPerWageFen) > 0
        ? `each wage less an employment cost of ${yuan(Number(f.deductionPerWageFen))}`
        : 'no employment cost deducted from wages';
    case 'INCOME_EXCLUSIONS':
      return `not counted: ${words(f.excludedKinds)}; ${yuan(Number(f.excludedFen))} left out, ${yuan(Number(f.countedFen))} counted`;
    case 'GRACE_PERIOD':
      return `grace period ${String(f.graceStartedOn ?? '—')} to ${String(f.graceEndsOn)} (${String(f.months ?? '—')} months, from the ${
        f.source === 'REGISTER' ? 'register' : 'first job'
      })${applied.holds ? (f.lastMonth ? ', in its last month' : '') : ', over by the as-of date'}`;
    case 'VEHICLE_EXEMPTION':
      return `${String(f.nonExemptVehicles ?? 0)} vehicles not exempt (exempt: ${words(f.exemptTypes)}${
        f.exemptMaxValueFen === null || f.exemptMaxValueFen === undefined
          ? ''
          : `; or worth up to ${yuan(Number(f.exemptMaxValueFen))}, read ${String(f.reading)}`
      })`;
    case 'PROPERTY_LIMIT':
      return `${String(f.homes)} homes${f.maxHomes === null || f.maxHomes === undefined ? '' : ` (at most ${String(f.maxHomes)})`}; ${
        f.nonResidential ? 'non-residential property held' : 'no non-residential property'
      }; residential area ${String(f.residentialAreaM2 ?? 0)} m²${
        f.capPerPersonM2 === null || f.capPerPersonM2 === undefined
          ? ', no cap per person'
          : ` (${String(f.members)} members, cap ${String(f.capPerPersonM2)} m² each, read ${String(f.reading)})`
      }`;
    case 'BUSINESS_REGISTRATION':
      return f.withIncome
        ? 'a registered business with income (or income unknown)'
        : f.withoutIncome
          ? 'a registered business, without income'
          : 'no registered business';
    case 'STAFF_RELATIVES':
      return f.unfiled
        ? 'a staff member or a close relative of one without a filing'
        : 'no staff member or close relative of one without a filing';
  }
}

/** Whether per-capita income is within the line the figures name, computed from the figures alone. */
function lineHolds(f: Record<string, unknown>): boolean {
  const income = Number(f.incomeFen);
  const line = Number(f.members) * Number(f.lineFen);
  return f.reading === 'AT_OR_BELOW' ? income <= line : income < line;
}
