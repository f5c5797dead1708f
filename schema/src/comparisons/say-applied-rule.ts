import type { Citation, PolicyRuleCode } from '@hub/prisma/policy/policy-rules';
import type { HubLanguage } from '../enum-labels/enum-value-label.ts';
import { exactPerCapitaText, exactYuanText, yuanText } from './yuan-text.ts';

// What an applied rule compared, as one sentence in the reader's language: every rule in words and yuan, never a key,
// a code or an amount in fen. The portal, the 核对报告, the exports and the API's `compared` all say it from here.

type Figures = Record<string, unknown>;

/** An applied rule as an assessment stores it (server/src/comparisons/applied-rules-sql.ts writes it). */
export interface StoredAppliedRule {
  rule: PolicyRuleCode;
  citation: Citation | null;
  holds: boolean | null;
  figures: Record<string, unknown>;
}

/** The words of the figures' codes: readings, income kinds, vehicle types, benefit methods, the data's sources. */
const TERMS: Record<HubLanguage, Record<string, string>> = {
  'zh-CN': {
    BELOW: '低于',
    AT_OR_BELOW: '不高于',
    ABOVE: '高于',
    AT_OR_ABOVE: '不低于',
    WAGE: '工资',
    HOUSING_FUND_IMPLIED_WAGE: '公积金缴存推算的工资',
    PENSION: '养老金',
    UNEMPLOYMENT_BENEFIT: '失业保险金',
    BUSINESS: '经营收入',
    SPECIAL_CARE: '优抚金',
    REWARD: '奖励金',
    ASSISTANCE: '救助金',
    PASSENGER_CAR: '小型汽车',
    TRUCK: '货车',
    MOTORCYCLE: '摩托车',
    DISABILITY_VEHICLE: '残疾人专用车',
    OTHER: '其他车辆',
    GAP: '按人均收入与标准的差额补足',
    TIERS: '按人均收入分档',
    GRACE_PERIOD_CASE_AMOUNT: '渐退期内维持原保障金额',
    EXTREME_POVERTY_STANDARD: '按特困人员基本生活标准',
    EMERGENCY: '急难型',
    EXPENDITURE: '支出型',
    INDIVIDUAL: '个人救助',
    REGISTER: '按救助档案记录',
    EMPLOYMENT: '自成员就业之日起算',
  },
  en: {
    BELOW: 'below',
    AT_OR_BELOW: 'at or below',
    ABOVE: 'above',
    AT_OR_ABOVE: 'at or above',
    WAGE: 'wages',
    HOUSING_FUND_IMPLIED_WAGE: 'wages implied by the housing fund',
    PENSION: 'pensions',
    UNEMPLOYMENT_BENEFIT: 'unemployment benefit',
    BUSINESS: 'business income',
    SPECIAL_CARE: 'special-care payments (优抚)',
    REWARD: 'rewards',
    ASSISTANCE: 'assistance payments',
    PASSENGER_CAR: 'passenger cars',
    TRUCK: 'trucks',
    MOTORCYCLE: 'motorcycles',
    DISABILITY_VEHICLE: 'disability vehicles',
    OTHER: 'other vehicles',
    GAP: 'the gap between per-capita income and the standard',
    TIERS: 'tiers of per-capita income',
    GRACE_PERIOD_CASE_AMOUNT: 'the case’s amount, kept during the grace period',
    EXTREME_POVERTY_STANDARD: 'the extreme-poverty support standard',
    EMERGENCY: 'emergency',
    EXPENDITURE: 'expenditure-type',
    INDIVIDUAL: 'individual',
    REGISTER: 'as the register records',
    EMPLOYMENT: 'from a member’s first job',
  },
};

/** The sentences of each language; each is given the figures' words, already in that language. */
interface Phrases {
  list: string;
  none: string;
  reading: (reading: string) => string;
  line: (v: {
    perCapita: string;
    sign: string;
    name: string;
    line: string;
    multiplier: string;
    reading: string;
  }) => string;
  lineNames: Record<'MINIMUM_LIVING_LINE' | 'LOW_INCOME_LINE' | 'EXTREME_POVERTY_LINE', string>;
  multiplier: (multiplier: string) => string;
  conditions: (v: { minorUntil: string; elderlyFrom: string; members: string }) => string;
  floor: (v: { perCapita: string; sign: string; floor: string; reading: string; within: boolean }) => string;
  standard: (v: { standard: string; from: string }) => string;
  deduction: (deduction: string | null) => string;
  exclusions: (v: { kinds: string | null; excluded: string; counted: string }) => string;
  rigid: (v: { income: string; rigid: string; net: string }) => string;
  single: (byApplication: boolean) => string;
  grace: (v: { since: string | null; from: string; to: string; months: string; source: string }) => string;
  graceState: (v: { holds: boolean; lastMonth: boolean }) => string;
  assets: (v: { assets: string; sign: string; limit: string; members: string; months: string }) => string;
  vehicles: (v: { count: string; types: string; value: string | null }) => string;
  property: (v: {
    homes: string;
    maxHomes: string | null;
    nonResidential: boolean;
    area: string;
    cap: { members: string; cap: string; reading: string } | null;
  }) => string;
  business: (v: { withIncome: boolean; withoutIncome: boolean }) => string;
  staff: (unfiled: boolean) => string;
  benefit: (v: { benefit: string; method: string; extras: string[] }) => string;
  extras: {
    disabled: (members: string, extra: string) => string;
    old: (members: string, extra: string) => string;
    minimum: (amount: string) => string;
  };
  temporary: (v: {
    requested: { type: string; amount: string } | null;
    emergency: string;
    expenditure: string;
    individual: string;
    urban: string;
    members: string;
  }) => string;
}

const PHRASES: Record<HubLanguage, Phrases> = {
  'zh-CN': {
    list: '、',
    none: '无',
    reading: (reading) => `按“${reading}”判断`,
    line: (v) => `人均月收入 ${v.perCapita} ${v.sign} ${v.name} ${v.line}${v.multiplier}，${v.reading}`,
    lineNames: {
      MINIMUM_LIVING_LINE: '低保标准',
      LOW_INCOME_LINE: '低收入标准',
      EXTREME_POVERTY_LINE: '特困人员基本生活标准',
    },
    multiplier: (multiplier) => `（标准的 ${multiplier} 倍）`,
    conditions: (v) =>
      `；符合特困人员条件（未满 ${v.minorUntil} 周岁、年满 ${v.elderlyFrom} 周岁或重度残疾）的成员 ${v.members} 人`,
    floor: (v) =>
      `人均月收入 ${v.perCapita} ${v.sign} 低保标准 ${v.floor}，${v.reading}：${v.within ? '在' : '不在'}低收入范围的下限以内`,
    standard: (v) => `低保标准每人每月 ${v.standard}，自 ${v.from} 起执行`,
    deduction: (deduction) =>
      deduction ? `每笔工资收入先扣除就业成本 ${deduction} 再计入` : '本地工资收入不扣除就业成本',
    exclusions: (v) =>
      v.kinds
        ? `不计入收入的项目：${v.kinds}；本户未计入 ${v.excluded}，计入收入 ${v.counted}`
        : `各类收入均计入：计入收入 ${v.counted}`,
    rigid: (v) => `家庭月收入 ${v.income} − 刚性支出 ${v.rigid} = ${v.net}`,
    single: (byApplication) => `一名成员按单人户单独核定（${byApplication ? '依申请' : '依救助档案'}）`,
    grace: (v) =>
      `${v.since ? `自 ${v.since} 起享受低保；` : ''}渐退期 ${v.from} 至 ${v.to}（${v.months} 个月，${v.source}）`,
    graceState: (v) => (v.holds ? (v.lastMonth ? '，本月为最后一个月' : '') : '，核对基准日不在渐退期内'),
    assets: (v) => `金融资产 ${v.assets} ${v.sign} 限额 ${v.limit}（${v.members} 人 × ${v.months} 个月低保标准）`,
    vehicles: (v) => `不予豁免的车辆 ${v.count} 辆（可豁免：${v.types}${v.value ? `；或价值${v.value}` : ''}）`,
    property: (v) =>
      `住房 ${v.homes} 套${v.maxHomes === null ? '' : `（上限 ${v.maxHomes} 套）`}；${
        v.nonResidential ? '有非住宅房产' : '无非住宅房产'
      }；住宅面积 ${v.area} 平方米${
        v.cap ? `（${v.cap.members} 人，人均上限 ${v.cap.cap} 平方米，${v.cap.reading}）` : '，人均面积不设上限'
      }`,
    business: (v) =>
      v.withIncome ? '有经营收入（或收入不明）的工商登记' : v.withoutIncome ? '有工商登记，但无经营收入' : '无工商登记',
    staff: (unfiled) => (unfiled ? '有未备案的经办人员或其近亲属' : '无未备案的经办人员或其近亲属'),
    benefit: (v) => `每月 ${v.benefit}（${v.method}）${v.extras.length ? `；${v.extras.join('；')}` : ''}`,
    extras: {
      disabled: (members, extra) => `重度残疾成员 ${members} 人，每人加发 ${extra}`,
      old: (members, extra) => `老年成员 ${members} 人，每人加发 ${extra}`,
      minimum: (amount) => `最低发放 ${amount}`,
    },
    temporary: (v) =>
      `${v.requested ? `申请${v.requested.type}临时救助：${v.requested.amount}；` : ''}急难型 ${v.emergency}，支出型 ${
        v.expenditure
      }，个人救助 ${v.individual}（城市低保标准 ${v.urban}，${v.members} 人）`,
  },
  en: {
    list: ', ',
    none: 'none',
    reading: (reading) => `read as “${reading}”`,
    line: (v) => `per-capita income ${v.perCapita} ${v.sign} ${v.name} ${v.line}${v.multiplier}, ${v.reading}`,
    lineNames: {
      MINIMUM_LIVING_LINE: 'the 低保 line',
      LOW_INCOME_LINE: 'the low-income line',
      EXTREME_POVERTY_LINE: 'the extreme-poverty line',
    },
    multiplier: (multiplier) => ` (${multiplier} × the standard)`,
    conditions: (v) =>
      `; ${v.members} ${v.members === '1' ? 'member meets' : 'members meet'} the extreme-poverty conditions (under ${v.minorUntil}, ${v.elderlyFrom} or over, or severely disabled)`,
    floor: (v) =>
      `per-capita income ${v.perCapita} ${v.sign} the 低保 standard ${v.floor}, ${v.reading}: ${
        v.within ? 'within' : 'not within'
      } the low-income band’s floor`,
    standard: (v) => `standard ${v.standard} per person per month, in force from ${v.from}`,
    deduction: (deduction) =>
      deduction ? `each wage less an employment cost of ${deduction}` : 'no employment cost deducted from wages here',
    exclusions: (v) =>
      v.kinds
        ? `not counted as income: ${v.kinds}; ${v.excluded} left out, ${v.counted} counted`
        : `every kind of income counted: ${v.counted}`,
    rigid: (v) => `income ${v.income} − rigid expenditure ${v.rigid} = ${v.net}`,
    single: (byApplication) =>
      `one member assessed alone (单人户), as the ${byApplication ? 'application asks' : 'case enrols'}`,
    grace: (v) =>
      `${v.since ? `enrolled since ${v.since}; ` : ''}grace period ${v.from} to ${v.to} (${v.months} months, ${v.source})`,
    graceState: (v) => (v.holds ? (v.lastMonth ? ', this is its last month' : '') : ', over by the as-of date'),
    assets: (v) =>
      `financial assets ${v.assets} ${v.sign} limit ${v.limit} (${v.members} × ${v.months} months of the standard)`,
    vehicles: (v) =>
      `${v.count} ${v.count === '1' ? 'vehicle' : 'vehicles'} not exempt (exempt: ${v.types}${v.value ? `; or worth ${v.value}` : ''})`,
    property: (v) =>
      `${v.homes} ${v.homes === '1' ? 'home' : 'homes'}${v.maxHomes === null ? '' : ` (at most ${v.maxHomes})`}; ${
        v.nonResidential ? 'non-residential property held' : 'no non-residential property'
      }; residential area ${v.area} m²${
        v.cap ? ` (${v.cap.members} members, cap ${v.cap.cap} m² each, ${v.cap.reading})` : ', no cap per person'
      }`,
    business: (v) =>
      v.withIncome
        ? 'a registered business with income (or income unknown)'
        : v.withoutIncome
          ? 'a registered business, without income'
          : 'no registered business',
    staff: (unfiled) =>
      unfiled
        ? 'a staff member or a close relative of one without a filing'
        : 'no staff member or close relative of one without a filing',
    benefit: (v) => `${v.benefit} a month (${v.method})${v.extras.length ? `; ${v.extras.join('; ')}` : ''}`,
    extras: {
      disabled: (members, extra) => `${members} severely disabled members, ${extra} more each`,
      old: (members, extra) => `${members} elderly members, ${extra} more each`,
      minimum: (amount) => `at least ${amount}`,
    },
    temporary: (v) =>
      `${v.requested ? `${v.requested.type} assistance requested: ${v.requested.amount}; ` : ''}emergency ${
        v.emergency
      }, expenditure-type ${v.expenditure}, individual ${v.individual} (urban standard ${v.urban}, ${v.members} members)`,
  },
};

/** A code of the figures (a reading, an income kind, a vehicle type…) in words; a code it does not know stays. */
export function ruleTerm(language: HubLanguage, code: string): string {
  return TERMS[language][code] ?? code;
}

const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));
const given = (value: unknown) => value !== null && value !== undefined;

/** One sentence saying what the rule compared and how it came out, in the reader's language. */
export function sayAppliedRule(applied: StoredAppliedRule, language: HubLanguage): string {
  const f: Figures = applied.figures;
  const say = PHRASES[language];
  const term = (code: unknown) => (given(code) ? ruleTerm(language, String(code)) : '—');
  const list = (codes: unknown) => (Array.isArray(codes) && codes.length ? codes.map(term).join(say.list) : null);
  const yuan = (fen: unknown) => yuanText(Number(fen ?? 0));
  const exact = (fen: unknown) => exactYuanText(Number(fen), language);
  const perCapita = () => exactPerCapitaText(Number(f.incomeFen), Number(f.members), language);
  const reading = () => say.reading(term(f.reading));
  const rule: PolicyRuleCode = applied.rule;
  switch (rule) {
    case 'MINIMUM_LIVING_LINE':
    case 'LOW_INCOME_LINE':
    case 'EXTREME_POVERTY_LINE': {
      const income = Number(f.incomeFen);
      const line = Number(f.members) * Number(f.lineFen);
      const sign = income > line ? '>' : income === line ? '=' : '<';
      const multiplier = given(f.multiplier) ? say.multiplier(text(f.multiplier)) : '';
      const sentence = say.line({
        perCapita: perCapita(),
        sign,
        name: say.lineNames[rule],
        line: exact(f.lineFen),
        multiplier,
        reading: reading(),
      });
      return given(f.membersMeetingConditions)
        ? sentence +
            say.conditions({
              minorUntil: text(f.minorUntilAge),
              elderlyFrom: text(f.elderlyFromAge),
              members: text(f.membersMeetingConditions),
            })
        : sentence;
    }
    case 'LOW_INCOME_FLOOR': {
      const income = Number(f.incomeFen);
      const floor = Number(f.members) * Number(f.floorFen);
      const sign = income > floor ? '>' : income === floor ? '=' : '<';
      const within = f.reading === 'AT_OR_ABOVE' ? income >= floor : income > floor;
      return say.floor({ perCapita: perCapita(), sign, floor: exact(f.floorFen), reading: reading(), within });
    }
    case 'STANDARD_IN_FORCE':
      return say.standard({ standard: yuan(f.standardFen), from: text(f.effectiveFrom) });
    case 'EMPLOYMENT_COST_DEDUCTION':
      return say.deduction(Number(f.deductionPerWageFen) > 0 ? yuan(f.deductionPerWageFen) : null);
    case 'INCOME_EXCLUSIONS':
      return say.exclusions({
        kinds: list(f.excludedKinds),
        excluded: yuan(f.excludedFen),
        counted: yuan(f.countedFen),
      });
    case 'RIGID_EXPENDITURE':
      return say.rigid({ income: yuan(f.incomeFen), rigid: yuan(f.rigidExpenditureFen), net: yuan(f.netIncomeFen) });
    case 'SINGLE_PERSON_ENROLMENT':
      return say.single(f.source === 'APPLICATION');
    case 'GRACE_PERIOD':
      return (
        say.grace({
          since: given(f.enrolledSince) ? text(f.enrolledSince) : null,
          from: text(f.graceStartedOn),
          to: text(f.graceEndsOn),
          months: text(f.months),
          source: term(f.source),
        }) + say.graceState({ holds: applied.holds === true, lastMonth: f.lastMonth === true })
      );
    case 'FINANCIAL_ASSET_LIMIT': {
      const sign = f.reading === 'BELOW' ? (applied.holds ? '<' : '≥') : applied.holds ? '≤' : '>';
      const figures = {
        assets: yuan(f.assetsFen),
        limit: yuan(f.limitFen),
        members: text(f.members),
        months: text(f.months),
      };
      return say.assets({ ...figures, sign });
    }
    case 'VEHICLE_EXEMPTION':
      return say.vehicles({
        count: text(f.nonExemptVehicles ?? 0),
        types: list(f.exemptTypes) ?? say.none,
        value: given(f.exemptMaxValueFen) ? `${term(f.reading)} ${yuan(f.exemptMaxValueFen)}` : null,
      });
    case 'PROPERTY_LIMIT':
      return say.property({
        homes: text(f.homes),
        maxHomes: given(f.maxHomes) ? text(f.maxHomes) : null,
        nonResidential: f.nonResidential === true,
        area: text(f.residentialAreaM2 ?? 0),
        cap: given(f.capPerPersonM2)
          ? { members: text(f.members), cap: text(f.capPerPersonM2), reading: reading() }
          : null,
      });
    case 'BUSINESS_REGISTRATION':
      return say.business({ withIncome: f.withIncome === true, withoutIncome: f.withoutIncome === true });
    case 'STAFF_RELATIVES':
      return say.staff(f.unfiled === true);
    case 'BENEFIT_AMOUNT': {
      const extras = [
        Number(f.severelyDisabledMembers) > 0
          ? say.extras.disabled(text(f.severelyDisabledMembers), yuan(f.severeDisabilityExtraFen))
          : null,
        Number(f.oldAgeMembers) > 0 ? say.extras.old(text(f.oldAgeMembers), yuan(f.oldAgeExtraFen)) : null,
        Number(f.minimumBenefitFen) > 0 ? say.extras.minimum(yuan(f.minimumBenefitFen)) : null,
      ].filter((extra): extra is string => extra !== null);
      return say.benefit({ benefit: yuan(f.monthlyBenefitFen), method: term(f.method), extras });
    }
    case 'TEMPORARY_ASSISTANCE':
      return say.temporary({
        requested: f.requestedType ? { type: term(f.requestedType), amount: yuan(f.amountFen) } : null,
        emergency: yuan(f.emergencyFen),
        expenditure: yuan(f.expenditureFen),
        individual: yuan(f.individualFen),
        urban: yuan(f.urbanStandardFen),
        members: text(f.members),
      });
  }
}
