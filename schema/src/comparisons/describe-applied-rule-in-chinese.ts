import type { StoredAppliedRule } from './describe-applied-rule.ts';

// How an applied rule reads to a Chinese reader: every rule in words and yuan, never a key, a code or a fen amount.
// Per-capita income is the fen it rounds down to plus the remaining fraction of a fen, as in the English sentence.

type Figures = Record<string, unknown>;

/** Integer fen as yuan, exactly: ¥1065.01. */
export function yuanText(fen: number | string | bigint): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  return `${sign}¥${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** An amount of fen that may be a fraction (1.5 × an odd standard): ¥532.51 + 0.5 分. */
function exactYuanText(fen: unknown): string {
  const value = Number(fen);
  const whole = Math.floor(value);
  const rest = value - whole;
  return rest === 0 ? yuanText(whole) : `${yuanText(whole)} + ${Number(rest.toFixed(6))} 分`;
}

/** incomeFen ÷ members exactly: "¥355.00 + 1/3 分（¥1065.01 ÷ 3 人）". */
export function exactPerCapitaInChinese(incomeFen: number | string, members: number): string {
  const income = Number(incomeFen);
  if (members <= 0) return '—';
  const floor = Math.floor(income / members);
  const remainder = income - floor * members;
  const shown = remainder === 0 ? yuanText(floor) : `${yuanText(floor)} + ${remainder}/${members} 分`;
  return `${shown}（${yuanText(income)} ÷ ${members} 人）`;
}

const READINGS: Record<string, string> = { BELOW: '低于', AT_OR_BELOW: '不高于', ABOVE: '高于', AT_OR_ABOVE: '不低于' };
const reading = (figures: Figures) => `按“${READINGS[String(figures.reading)] ?? '—'}”判断`;

const INCOME_KINDS: Record<string, string> = {
  WAGE: '工资',
  HOUSING_FUND_IMPLIED_WAGE: '公积金缴存推算的工资',
  PENSION: '养老金',
  UNEMPLOYMENT_BENEFIT: '失业保险金',
  BUSINESS: '经营收入',
  SPECIAL_CARE: '优抚金',
  REWARD: '奖励金',
  ASSISTANCE: '救助金',
};
const VEHICLE_TYPES: Record<string, string> = {
  PASSENGER_CAR: '小型汽车',
  TRUCK: '货车',
  MOTORCYCLE: '摩托车',
  DISABILITY_VEHICLE: '残疾人专用车',
  OTHER: '其他车辆',
};
const BENEFIT_METHODS: Record<string, string> = {
  GAP: '按人均收入与标准的差额补足',
  TIERS: '按人均收入分档',
  GRACE_PERIOD_CASE_AMOUNT: '渐退期内维持原保障金额',
  EXTREME_POVERTY_STANDARD: '按特困人员基本生活标准',
};
const TEMPORARY_TYPES: Record<string, string> = { EMERGENCY: '急难型', EXPENDITURE: '支出型', INDIVIDUAL: '个人救助' };
const GRACE_SOURCES: Record<string, string> = { REGISTER: '按救助档案记录', EMPLOYMENT: '自成员就业之日起算' };

const list = (values: unknown, names: Record<string, string>) =>
  Array.isArray(values) && values.length
    ? values.map((value) => names[String(value)] ?? String(value)).join('、')
    : '无';

function lineInChinese(f: Figures, lineName: string): string {
  const income = Number(f.incomeFen);
  const members = Number(f.members);
  const line = members * Number(f.lineFen);
  const sign = income > line ? '>' : income === line ? '=' : '<';
  const multiplier = f.multiplier === undefined ? '' : `（标准的 ${String(f.multiplier)} 倍）`;
  const conditions =
    f.membersMeetingConditions === undefined
      ? ''
      : `；符合特困人员条件（未满 ${String(f.minorUntilAge)} 周岁、年满 ${String(f.elderlyFromAge)} 周岁或重度残疾）的成员 ${String(f.membersMeetingConditions)} 人`;
  return `人均月收入 ${exactPerCapitaInChinese(income, members)} ${sign} ${lineName} ${exactYuanText(f.lineFen)}${multiplier}，${reading(f)}${conditions}`;
}

function floorInChinese(f: Figures): string {
  const income = Number(f.incomeFen);
  const members = Number(f.members);
  const floor = members * Number(f.floorFen);
  const holds = f.reading === 'AT_OR_ABOVE' ? income >= floor : income > floor;
  const sign = income > floor ? '>' : income === floor ? '=' : '<';
  return `人均月收入 ${exactPerCapitaInChinese(income, members)} ${sign} 低保标准 ${exactYuanText(f.floorFen)}，${reading(f)}：${
    holds ? '在' : '不在'
  }低收入范围的下限以内`;
}

function graceInChinese(f: Figures, holds: boolean | null): string {
  const since = f.enrolledSince ? `自 ${String(f.enrolledSince)} 起享受低保；` : '';
  const source = GRACE_SOURCES[String(f.source)] ?? '—';
  const period = `渐退期 ${String(f.graceStartedOn ?? '—')} 至 ${String(f.graceEndsOn)}（${String(f.months ?? '—')} 个月，${source}）`;
  const state = holds ? (f.lastMonth ? '，本月为最后一个月' : '') : '，核对基准日不在渐退期内';
  return `${since}${period}${state}`;
}

function propertyInChinese(f: Figures): string {
  const homes = `住房 ${String(f.homes)} 套${f.maxHomes === null || f.maxHomes === undefined ? '' : `（上限 ${String(f.maxHomes)} 套）`}`;
  const nonResidential = f.nonResidential ? '有非住宅房产' : '无非住宅房产';
  const area =
    f.capPerPersonM2 === null || f.capPerPersonM2 === undefined
      ? `住宅面积 ${String(f.residentialAreaM2 ?? 0)} 平方米，人均面积不设上限`
      : `住宅面积 ${String(f.residentialAreaM2 ?? 0)} 平方米（${String(f.members)} 人，人均上限 ${String(f.capPerPersonM2)} 平方米，${reading(f)}）`;
  return `${homes}；${nonResidential}；${area}`;
}

function benefitInChinese(f: Figures): string {
  const extras = [
    Number(f.severelyDisabledMembers) > 0
      ? `重度残疾成员 ${String(f.severelyDisabledMembers)} 人，每人加发 ${yuanText(Number(f.severeDisabilityExtraFen ?? 0))}`
      : '',
    Number(f.oldAgeMembers) > 0
      ? `老年成员 ${String(f.oldAgeMembers)} 人，每人加发 ${yuanText(Number(f.oldAgeExtraFen ?? 0))}`
      : '',
    f.minimumBenefitFen ? `最低发放 ${yuanText(Number(f.minimumBenefitFen))}` : '',
  ].filter(Boolean);
  return `每月 ${yuanText(Number(f.monthlyBenefitFen))}（${BENEFIT_METHODS[String(f.method)] ?? '—'}）${
    extras.length ? `；${extras.join('；')}` : ''
  }`;
}

function temporaryInChinese(f: Figures): string {
  const requested = f.requestedType
    ? `申请${TEMPORARY_TYPES[String(f.requestedType)] ?? '—'}临时救助：${yuanText(Number(f.amountFen))}；`
    : '';
  return `${requested}急难型 ${yuanText(Number(f.emergencyFen))}，支出型 ${yuanText(Number(f.expenditureFen))}，个人救助 ${yuanText(
    Number(f.individualFen),
  )}（城市低保标准 ${yuanText(Number(f.urbanStandardFen))}，${String(f.members)} 人）`;
}

/** One sentence in Chinese saying what the rule compared and how it came out; every rule has its own. */
export function describeAppliedRuleInChinese(applied: StoredAppliedRule): string {
  const f = applied.figures;
  switch (applied.rule) {
    case 'STANDARD_IN_FORCE':
      return `低保标准每人每月 ${yuanText(Number(f.standardFen))}，自 ${String(f.effectiveFrom)} 起执行（行政区划代码 ${String(f.regionCode)}）`;
    case 'EMPLOYMENT_COST_DEDUCTION':
      return Number(f.deductionPerWageFen) > 0
        ? `每笔工资收入先扣除就业成本 ${yuanText(Number(f.deductionPerWageFen))} 再计入`
        : '本地工资收入不扣除就业成本';
    case 'INCOME_EXCLUSIONS':
      return Array.isArray(f.excludedKinds) && f.excludedKinds.length
        ? `不计入收入的项目：${list(f.excludedKinds, INCOME_KINDS)}；本户未计入 ${yuanText(Number(f.excludedFen))}，计入收入 ${yuanText(Number(f.countedFen))}`
        : `各类收入均计入：计入收入 ${yuanText(Number(f.countedFen))}`;
    case 'RIGID_EXPENDITURE':
      return `家庭月收入 ${yuanText(Number(f.incomeFen))} − 刚性支出 ${yuanText(Number(f.rigidExpenditureFen))} = ${yuanText(Number(f.netIncomeFen))}`;
    case 'SINGLE_PERSON_ENROLMENT':
      return `一名成员按单人户单独核定（${f.source === 'APPLICATION' ? '依申请' : '依救助档案'}）`;
    case 'MINIMUM_LIVING_LINE':
      return lineInChinese(f, '低保标准');
    case 'LOW_INCOME_FLOOR':
      return floorInChinese(f);
    case 'LOW_INCOME_LINE':
      return lineInChinese(f, '低收入标准');
    case 'EXTREME_POVERTY_LINE':
      return lineInChinese(f, '特困人员基本生活标准');
    case 'GRACE_PERIOD':
      return graceInChinese(f, applied.holds);
    case 'FINANCIAL_ASSET_LIMIT':
      return `金融资产 ${yuanText(Number(f.assetsFen))} ${
        f.reading === 'BELOW' ? (applied.holds ? '<' : '≥') : applied.holds ? '≤' : '>'
      } 限额 ${yuanText(Number(f.limitFen))}（${String(f.members)} 人 × ${String(f.months)} 个月低保标准）`;
    case 'VEHICLE_EXEMPTION':
      return `不予豁免的车辆 ${String(f.nonExemptVehicles ?? 0)} 辆（可豁免：${list(f.exemptTypes, VEHICLE_TYPES)}${
        f.exemptMaxValueFen === null || f.exemptMaxValueFen === undefined
          ? ''
          : `；或价值不超过 ${yuanText(Number(f.exemptMaxValueFen))}，${reading(f)}`
      }）`;
    case 'PROPERTY_LIMIT':
      return propertyInChinese(f);
    case 'BUSINESS_REGISTRATION':
      return f.withIncome
        ? '有经营收入（或收入不明）的工商登记'
        : f.withoutIncome
          ? '有工商登记，但无经营收入'
          : '无工商登记';
    case 'STAFF_RELATIVES':
      return f.unfiled ? '有未备案的经办人员或其近亲属' : '无未备案的经办人员或其近亲属';
    case 'BENEFIT_AMOUNT':
      return benefitInChinese(f);
    case 'TEMPORARY_ASSISTANCE':
      return temporaryInChinese(f);
  }
}
