import type { Dataset, DepartmentKind } from '@hub/prisma';

// The catalogue of shareable data items: the one place that says what may be shared at all. Every field of the
// graph that carries personal data belongs to exactly one item; an agreement grants items, never fields.

export type Sensitivity = 'LOW' | 'MEDIUM' | 'HIGH';

export interface DataItem {
  code: string;
  /** The kind of department that provides it; an agreement's provider must be of this kind. */
  providerKind: DepartmentKind;
  /** The dataset its records arrive in; null for the hub's own spine (households, persons, assistance). */
  dataset: Dataset | null;
  sensitivity: Sensitivity;
  /** Whether the subject's authorisation (授权) must cover the purpose and the date before it is disclosed. */
  consentRequired: boolean;
  /** Whether the item has a DERIVED form (a computed fact such as "owns a vehicle") an agreement can grant. */
  derivable: boolean;
  name: { zh: string; en: string };
}

const item = (
  code: string,
  providerKind: DepartmentKind,
  dataset: Dataset | null,
  sensitivity: Sensitivity,
  consentRequired: boolean,
  derivable: boolean,
  zh: string,
  en: string,
): DataItem => ({ code, providerKind, dataset, sensitivity, consentRequired, derivable, name: { zh, en } });

export const DATA_ITEMS: readonly DataItem[] = [
  item(
    'PERSON_IDENTITY',
    'CIVIL_AFFAIRS',
    null,
    'MEDIUM',
    false,
    false,
    '身份信息',
    'Identity (ID number, name, sex, birth date)',
  ),
  item(
    'HOUSEHOLD_COMPOSITION',
    'CIVIL_AFFAIRS',
    null,
    'MEDIUM',
    false,
    true,
    '家庭成员及住址',
    'Household members and address',
  ),
  item(
    'ASSISTANCE_STATUS',
    'CIVIL_AFFAIRS',
    null,
    'HIGH',
    false,
    true,
    '救助享受情况',
    'Assistance received (低保, 低收入, 特困, 临时救助)',
  ),
  item(
    'ASSISTANCE_APPLICATIONS',
    'CIVIL_AFFAIRS',
    null,
    'HIGH',
    false,
    false,
    '救助申请及申报支出',
    'Applications and declared expenditure',
  ),
  // 转介: what a department receiving a referral is shown (the head's masked name, the region, the needs).
  item(
    'CASE_REFERRAL',
    'CIVIL_AFFAIRS',
    null,
    'HIGH',
    false,
    false,
    '救助转介',
    'Referrals (转介): the household head’s masked name, region and needs',
  ),
  item('CREMATION', 'CIVIL_AFFAIRS', 'CREMATION', 'MEDIUM', false, true, '火化信息', 'Funeral and cremation records'),
  item('MARRIAGE', 'CIVIL_AFFAIRS', 'MARRIAGE', 'MEDIUM', false, true, '婚姻登记', 'Marriage registrations'),
  item('HUKOU', 'PUBLIC_SECURITY', 'HUKOU', 'MEDIUM', false, true, '户籍信息', 'Hukou registration and cancellation'),
  item('VEHICLES', 'PUBLIC_SECURITY', 'VEHICLE', 'MEDIUM', true, true, '机动车登记', 'Registered vehicles'),
  item('REAL_ESTATE', 'HOUSING', 'REAL_ESTATE', 'HIGH', true, true, '不动产登记', 'Real estate'),
  item('EMPLOYMENT_WAGES', 'HUMAN_RESOURCES', 'EMPLOYMENT', 'HIGH', true, true, '就业及工资', 'Employment and wages'),
  item('PENSIONS', 'HUMAN_RESOURCES', 'PENSION', 'HIGH', false, true, '养老保险待遇', 'Pensions'),
  item(
    'UNEMPLOYMENT_BENEFITS',
    'HUMAN_RESOURCES',
    'UNEMPLOYMENT_BENEFIT',
    'MEDIUM',
    false,
    true,
    '失业保险金',
    'Unemployment benefits',
  ),
  item(
    'HOUSING_FUND',
    'HOUSING_FUND',
    'HOUSING_FUND',
    'HIGH',
    true,
    true,
    '住房公积金',
    'Housing provident fund accounts',
  ),
  item('BANK_DEPOSITS', 'BANK', 'BANK_DEPOSIT', 'HIGH', true, true, '银行存款', 'Bank deposits'),
  item(
    'WEALTH_PRODUCTS',
    'BANK',
    'WEALTH_PRODUCT',
    'HIGH',
    true,
    true,
    '理财产品',
    'Wealth-management products, funds, securities',
  ),
  item(
    'BUSINESS_REGISTRATIONS',
    'MARKET_REGULATION',
    'BUSINESS_REGISTRATION',
    'LOW',
    false,
    true,
    '市场主体登记',
    'Business registrations',
  ),
  item(
    'DISABILITY',
    'DISABLED_PERSONS_FEDERATION',
    'DISABILITY',
    'HIGH',
    true,
    true,
    '残疾人证',
    'Disability certificates',
  ),
  item(
    'STAFF_RELATIVES',
    'CIVIL_AFFAIRS',
    'STAFF_RELATIVE_FILING',
    'MEDIUM',
    false,
    true,
    '工作人员近亲属备案',
    'Staff-relative filings',
  ),
];

const BY_CODE = new Map(DATA_ITEMS.map((dataItem) => [dataItem.code, dataItem]));

/** The item with this code, or undefined: callers turn an unknown code into their own clear error. */
export function findDataItem(code: string): DataItem | undefined {
  return BY_CODE.get(code);
}
