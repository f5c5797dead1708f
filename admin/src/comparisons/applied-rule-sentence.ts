import { formatExactPerCapita, formatFen } from '../money.ts';

type Figures = Record<string, unknown>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface AppliedRuleFigures {
  rule: string;
  holds: boolean | null;
  /** The figures the rule compared, as the hub's JSON: codes and numbers, no words. */
  figures: string | null;
  /** The hub's own English line: shown only for a rule this portal does not know yet. */
  compared: string;
}

export interface SentenceWords {
  translate: Translate;
  locale: string;
  /** A code (AT_OR_BELOW, GAP) in the reader's language. */
  term: (code: string) => string;
}

/**
 * What an applied rule compared, as a sentence in the reader's language, built from the hub's figures: amounts in
 * yuan (an exact fraction of a fen where a line has one), codes through the translation files.
 */
export function appliedRuleSentence(applied: AppliedRuleFigures, words: SentenceWords): string | null {
  const f = parseFigures(applied.figures);
  if (!f) return null;
  const { translate, locale, term } = words;
  const fenWord = translate('hub.runs.fen');
  const yuan = (fen: unknown) => exactYuan(fen, locale, fenWord);
  const say = (key: string, values: Record<string, unknown>) => translate(`hub.rule_sentence.${key}`, values);
  const perCapita = () => ({
    perCapita: formatExactPerCapita(String(f.incomeFen), '0', Number(f.members), locale, fenWord),
    income: yuan(f.incomeFen),
    members: Number(f.members),
    reading: term(String(f.reading)),
  });
  switch (applied.rule) {
    case 'MINIMUM_LIVING_LINE':
    case 'LOW_INCOME_LINE':
    case 'EXTREME_POVERTY_LINE': {
      const inclusive = f.reading === 'AT_OR_BELOW';
      const holds = lineHolds(f);
      const multiplier = f.multiplier === undefined ? '' : say('multiplier', { multiplier: String(f.multiplier) });
      const sign = holds ? (inclusive ? '≤' : '<') : inclusive ? '>' : '≥';
      return say('line', { ...perCapita(), sign, line: yuan(f.lineFen), multiplier });
    }
    case 'LOW_INCOME_FLOOR': {
      const income = Number(f.incomeFen);
      const floor = Number(f.members) * Number(f.floorFen);
      const within = f.reading === 'AT_OR_ABOVE' ? income >= floor : income > floor;
      const sign = income > floor ? '>' : income === floor ? '=' : '<';
      return say(within ? 'floor_within' : 'floor_outside', { ...perCapita(), sign, floor: yuan(f.floorFen) });
    }
    case 'STANDARD_IN_FORCE':
      return say('standard', { standard: yuan(f.standardFen), from: String(f.effectiveFrom) });
    case 'FINANCIAL_ASSET_LIMIT': {
      const below = f.reading === 'BELOW';
      const sign = below ? (applied.holds ? '<' : '≥') : applied.holds ? '≤' : '>';
      const values = { assets: yuan(f.assetsFen), limit: yuan(f.limitFen), members: f.members, months: f.months };
      return say('assets', { ...values, sign });
    }
    case 'RIGID_EXPENDITURE':
      return say('rigid', { income: yuan(f.incomeFen), rigid: yuan(f.rigidExpenditureFen), net: yuan(f.netIncomeFen) });
    case 'SINGLE_PERSON_ENROLMENT':
      return say(f.source === 'APPLICATION' ? 'single_application' : 'single_case', {});
    case 'BENEFIT_AMOUNT':
      return say('benefit', { benefit: yuan(f.monthlyBenefitFen), method: term(String(f.method)) });
    case 'TEMPORARY_ASSISTANCE': {
      const requested = f.requestedType
        ? say('temporary_requested', { type: term(String(f.requestedType)), amount: yuan(f.amountFen) })
        : '';
      const amounts = { emergency: yuan(f.emergencyFen), expenditure: yuan(f.expenditureFen) };
      return say('temporary', {
        ...amounts,
        requested,
        individual: yuan(f.individualFen),
        urban: yuan(f.urbanStandardFen),
      });
    }
    case 'EMPLOYMENT_COST_DEDUCTION':
      return Number(f.deductionPerWageFen) > 0
        ? say('deduction', { deduction: yuan(f.deductionPerWageFen) })
        : say('deduction_none', {});
    case 'INCOME_EXCLUSIONS': {
      const kinds = listOf(f.excludedKinds, words);
      const amounts = { excluded: yuan(f.excludedFen), counted: yuan(f.countedFen) };
      return kinds ? say('exclusions', { ...amounts, kinds }) : say('exclusions_none', amounts);
    }
    case 'GRACE_PERIOD': {
      const since = f.enrolledSince ? say('grace_enrolled', { since: String(f.enrolledSince) }) : '';
      const period = {
        since,
        from: String(f.graceStartedOn ?? '—'),
        to: String(f.graceEndsOn ?? '—'),
        months: Number(f.months),
        source: term(`GRACE_FROM_${String(f.source)}`),
      };
      if (!applied.holds) return say('grace_over', period);
      return say('grace', { ...period, last: f.lastMonth === true ? say('grace_last_month', {}) : '' });
    }
    case 'VEHICLE_EXEMPTION': {
      const value =
        f.exemptMaxValueFen === null || f.exemptMaxValueFen === undefined
          ? ''
          : say('vehicles_value', { reading: term(String(f.reading)), max: yuan(f.exemptMaxValueFen) });
      const types = listOf(f.exemptTypes, words) ?? translate('hub.rule_sentence.none');
      return say('vehicles', { count: Number(f.nonExemptVehicles), types, value });
    }
    case 'PROPERTY_LIMIT': {
      const area = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(f.residentialAreaM2 ?? 0));
      const cap =
        f.capPerPersonM2 === null || f.capPerPersonM2 === undefined
          ? say('property_no_cap', { area })
          : say('property_cap', {
              area,
              members: Number(f.members),
              cap: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(f.capPerPersonM2)),
              reading: term(String(f.reading)),
            });
      const nonResidential = say(
        f.nonResidential === true ? 'property_non_residential' : 'property_residential_only',
        {},
      );
      return say('property', { homes: Number(f.homes), maxHomes: Number(f.maxHomes), nonResidential, area: cap });
    }
    case 'BUSINESS_REGISTRATION':
      return say(
        f.withIncome === true ? 'business_income' : f.withoutIncome === true ? 'business_no_income' : 'business_none',
        {},
      );
    case 'STAFF_RELATIVES':
      return say(f.unfiled === true ? 'staff_unfiled' : 'staff_filed', {});
    default:
      return null;
  }
}

/** Codes (income kinds, vehicle types) as words joined the reader's way; null for none. */
function listOf(codes: unknown, { translate, term }: SentenceWords): string | null {
  if (!Array.isArray(codes) || codes.length === 0) return null;
  return codes.map((code) => term(String(code))).join(translate('hub.rule_sentence.list_separator'));
}

function parseFigures(json: string | null): Figures | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as Figures) : null;
  } catch {
    return null;
  }
}

/** An amount of fen that may hold a fraction (a line of 1.5 × an odd standard): "¥532.51 + 0.5 分". */
function exactYuan(fen: unknown, locale: string, fenWord: string): string {
  const value = Number(fen);
  if (!Number.isFinite(value)) return '—';
  const whole = Math.floor(value);
  const rest = Number((value - whole).toFixed(6));
  return rest === 0 ? formatFen(whole, locale) : `${formatFen(whole, locale)} + ${rest} ${fenWord}`;
}

// Whether per-capita income is within the line, from the figures alone (as the hub decided it).
function lineHolds(f: Figures): boolean {
  const income = Number(f.incomeFen);
  const line = Number(f.members) * Number(f.lineFen);
  return f.reading === 'AT_OR_BELOW' ? income <= line : income < line;
}
