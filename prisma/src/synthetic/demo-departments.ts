// The departments that share data in the demo city, and which of them delivers which dataset.

import type { Dataset, DepartmentKind } from '../../generated/enums.ts';

export interface DemoDepartment {
  code: string;
  kind: DepartmentKind;
  name: string;
  datasets: readonly Dataset[];
}

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    code: 'CIVIL_AFFAIRS_640100',
    kind: 'CIVIL_AFFAIRS',
    name: '银川市民政局',
    datasets: ['CREMATION', 'MARRIAGE', 'STAFF_ROSTER', 'STAFF_RELATIVE_FILING'],
  },
  { code: 'PUBLIC_SECURITY_640100', kind: 'PUBLIC_SECURITY', name: '银川市公安局', datasets: ['HUKOU', 'VEHICLE'] },
  { code: 'HOUSING_640100', kind: 'HOUSING', name: '银川市住房和城乡建设局', datasets: ['REAL_ESTATE'] },
  {
    code: 'HUMAN_RESOURCES_640100',
    kind: 'HUMAN_RESOURCES',
    name: '银川市人力资源和社会保障局',
    datasets: ['EMPLOYMENT', 'PENSION', 'UNEMPLOYMENT_BENEFIT'],
  },
  { code: 'HOUSING_FUND_640100', kind: 'HOUSING_FUND', name: '银川住房公积金管理中心', datasets: ['HOUSING_FUND'] },
  {
    code: 'MARKET_REGULATION_640100',
    kind: 'MARKET_REGULATION',
    name: '银川市市场监督管理局',
    datasets: ['BUSINESS_REGISTRATION'],
  },
  {
    code: 'DISABLED_PERSONS_FEDERATION_640100',
    kind: 'DISABLED_PERSONS_FEDERATION',
    name: '银川市残疾人联合会',
    datasets: ['DISABILITY'],
  },
  {
    code: 'BANK_ICBC_640100',
    kind: 'BANK',
    name: '中国工商银行银川分行',
    datasets: ['BANK_DEPOSIT', 'WEALTH_PRODUCT'],
  },
  {
    code: 'BANK_CCB_640100',
    kind: 'BANK',
    name: '中国建设银行银川分行',
    datasets: ['BANK_DEPOSIT', 'WEALTH_PRODUCT'],
  },
  {
    code: 'BANK_HUANGHE_640100',
    kind: 'BANK',
    name: '宁夏黄河农村商业银行',
    datasets: ['BANK_DEPOSIT', 'WEALTH_PRODUCT'],
  },
];

/** The banks, in the order the generator refers to them; each is a department of its own. */
export const BANKS = [
  { code: 'BANK_ICBC_640100', accountPrefix: '6222022902', productPrefix: '工银理财' },
  { code: 'BANK_CCB_640100', accountPrefix: '6217002960', productPrefix: '建信理财' },
  { code: 'BANK_HUANGHE_640100', accountPrefix: '6230780100', productPrefix: '黄河银行' },
] as const;

export const DEMO_DEPARTMENT_REGION = '640100';
