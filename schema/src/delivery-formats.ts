import {
  AreaType,
  AssistanceKind,
  BusinessRole,
  BusinessStatus,
  CaseStatus,
  type Dataset,
  DepartmentKind,
  DepositType,
  HousingFundStatus,
  HukouCancellationReason,
  HukouStatus,
  KinRelation,
  MarriageEvent,
  PensionType,
  PropertyUse,
  Relation,
  StaffRole,
  VehicleType,
  WealthProductType,
} from '@hub/prisma';
import { DATA_ITEMS } from './catalogue.ts';

// What a bulk delivery of each dataset looks like: the one place that says which columns a department's file has,
// what each holds, and which the hub requires. The import (server/src/delivery) and the `datasets` query read it.

/**
 * ID_NUMBER: a person the hub knows, stored as the person's id (in `recordColumn`, `person_id` unless told);
 * CITIZEN_ID: an identity number that must pass GB 11643's check but may name a person the hub does not know;
 * DECIMAL and INTEGER: a number within `range`; BOOLEAN: true or false; CREDIT_CODE: an 18-character unified social
 * credit code (GB 32100).
 */
export type DeliveryColumnType =
  | 'ID_NUMBER'
  | 'CITIZEN_ID'
  | 'TEXT'
  | 'DATE'
  | 'AMOUNT_FEN'
  | 'DECIMAL'
  | 'INTEGER'
  | 'BOOLEAN'
  | 'ENUM'
  | 'REGION_CODE'
  | 'CREDIT_CODE';

export interface DeliveryColumn {
  /** The column's name in the file's header (CSV) or the key (NDJSON); also the record table's column. */
  name: string;
  type: DeliveryColumnType;
  required: boolean;
  description: string;
  /** ENUM: the values allowed, and the PostgreSQL enum type they are cast to. */
  values?: readonly string[];
  enumType?: string;
  /** AMOUNT_FEN: the record column's SQL type, which bounds the amount. */
  amountType?: 'integer' | 'bigint';
  /** DECIMAL and INTEGER: the smallest and largest value allowed (DECIMAL: as written, e.g. '0.01'). */
  range?: { min: string; max: string; minExclusive?: boolean };
  /** DECIMAL: at most this many digits after the point. */
  scale?: number;
  /** The record table's column when it differs from `name` (an ID_NUMBER column's default is `person_id`). */
  recordColumn?: string;
  /** An optional column's value when the file leaves it empty, as an SQL literal. */
  defaultSql?: string;
}

export interface DeliveryFormat {
  dataset: Dataset;
  /** The department record table the accepted rows go to. */
  table: string;
  /** The record column of the person the record is about, which the `id_number` column names (`person_id` unless told). */
  subjectColumn?: string;
  /** The columns that identify a record within one file: a second row with the same values is a duplicate. */
  key: readonly string[];
  columns: readonly DeliveryColumn[];
}

const idNumber: DeliveryColumn = {
  name: 'id_number',
  type: 'ID_NUMBER',
  required: true,
  description: '18-character citizen identity number (GB 11643) of a person the hub knows',
};
const text = (name: string, description: string, required = true): DeliveryColumn => ({
  name,
  type: 'TEXT',
  required,
  description,
});
const date = (name: string, description: string, required = true): DeliveryColumn => ({
  name,
  type: 'DATE',
  required,
  description: `${description} (YYYY-MM-DD)`,
});
const fen = (name: string, description: string, amountType: 'integer' | 'bigint'): DeliveryColumn => ({
  name,
  type: 'AMOUNT_FEN',
  required: true,
  description: `${description}, in whole fen (分), not negative`,
  amountType,
});
const decimal = (
  name: string,
  description: string,
  options: { scale: number; range: { min: string; max: string; minExclusive?: boolean }; defaultSql?: string },
): DeliveryColumn => ({
  name,
  type: 'DECIMAL',
  required: options.defaultSql === undefined,
  description: `${description}, at most ${options.scale} decimal places`,
  scale: options.scale,
  range: options.range,
  defaultSql: options.defaultSql,
});
const choice = (
  name: string,
  enumType: string,
  values: Record<string, string>,
  description: string,
  required = true,
): DeliveryColumn => ({ name, type: 'ENUM', required, description, values: Object.values(values), enumType });

export const DELIVERY_FORMATS: readonly DeliveryFormat[] = [
  {
    dataset: 'BANK_DEPOSIT',
    table: 'bank_deposits',
    key: ['account_number'],
    columns: [
      idNumber,
      text('account_number', 'account number at the delivering bank'),
      choice('deposit_type', 'DepositType', DepositType, 'demand or time deposit'),
      fen('balance_fen', 'balance on the as-of date', 'bigint'),
      date('opened_on', 'day the account was opened'),
    ],
  },
  {
    dataset: 'VEHICLE',
    table: 'vehicle_records',
    key: ['plate_number'],
    columns: [
      idNumber,
      text('plate_number', 'registration plate, e.g. 宁A12345'),
      choice('vehicle_type', 'VehicleType', VehicleType, 'kind of vehicle'),
      text('brand', 'make'),
      date('registered_on', 'day of first registration'),
      fen('estimated_value_fen', 'estimated value', 'bigint'),
    ],
  },
  {
    dataset: 'HUKOU',
    table: 'hukou_records',
    key: ['id_number'],
    columns: [
      idNumber,
      choice('status', 'HukouStatus', HukouStatus, 'whether the registration is active or cancelled'),
      { name: 'registered_region_code', type: 'REGION_CODE', required: true, description: 'GB/T 2260 code' },
      text('hukou_number', '户号: persons on one booklet share it'),
      date('cancelled_on', 'day the registration was cancelled', false),
      choice('cancellation_reason', 'HukouCancellationReason', HukouCancellationReason, 'why it was cancelled', false),
    ],
  },
  {
    dataset: 'EMPLOYMENT',
    table: 'employment_records',
    key: ['id_number', 'employer_code', 'started_on'],
    columns: [
      idNumber,
      text('employer_name', "employer's registered name"),
      text('employer_code', "employer's unified social credit code"),
      date('started_on', 'first day of employment'),
      date('ended_on', 'last day of employment; empty while employed', false),
      fen('monthly_wage_fen', 'monthly wage', 'integer'),
    ],
  },
  {
    dataset: 'PENSION',
    table: 'pension_records',
    key: ['id_number', 'pension_type'],
    columns: [
      idNumber,
      choice('pension_type', 'PensionType', PensionType, 'pension scheme'),
      fen('monthly_amount_fen', 'monthly pension', 'integer'),
      date('started_on', 'first month paid'),
      date('stopped_on', 'day payment stopped; empty while paid', false),
    ],
  },
  {
    dataset: 'UNEMPLOYMENT_BENEFIT',
    table: 'unemployment_benefit_records',
    key: ['id_number', 'started_on'],
    columns: [
      idNumber,
      fen('monthly_amount_fen', 'monthly benefit', 'integer'),
      date('started_on', 'first day paid'),
      date('ends_on', 'last day of entitlement'),
    ],
  },
  {
    dataset: 'WEALTH_PRODUCT',
    table: 'wealth_products',
    key: ['id_number', 'product_name'],
    columns: [
      idNumber,
      text('product_name', "product's name"),
      choice('product_type', 'WealthProductType', WealthProductType, 'kind of product'),
      fen('market_value_fen', 'market, net or cash value on the as-of date', 'bigint'),
    ],
  },
  {
    dataset: 'REAL_ESTATE',
    table: 'property_records',
    key: ['id_number', 'certificate_number'],
    columns: [
      idNumber,
      text('certificate_number', '不动产权证号: co-owners share one certificate'),
      text('address', "the property's address"),
      { name: 'region_code', type: 'REGION_CODE', required: true, description: 'code of the region it lies in' },
      choice('use', 'PropertyUse', PropertyUse, 'registered use'),
      decimal('area_m2', 'floor area in square metres', { scale: 2, range: { min: '0', max: '99999999.99' } }),
      decimal('share_percent', "the owner's share (共有份额) in percent; empty for sole ownership (100)", {
        scale: 2,
        range: { min: '0', max: '100', minExclusive: true },
        defaultSql: '100',
      }),
      date('acquired_on', 'day the ownership was registered'),
      {
        name: 'is_public_rental',
        type: 'BOOLEAN',
        required: false,
        description: 'true for a public rental flat (公租房) the person rents, not owns; empty is false',
        defaultSql: 'false',
      },
    ],
  },
  {
    dataset: 'HOUSING_FUND',
    table: 'housing_fund_accounts',
    key: ['account_number'],
    columns: [
      idNumber,
      text('account_number', 'housing provident fund account number'),
      choice('status', 'HousingFundStatus', HousingFundStatus, 'PAYING, SEALED (封存: paused) or CLOSED'),
      text('employer_name', 'employer paying into the account'),
      fen('monthly_contribution_fen', 'monthly contribution, employee and employer shares together', 'integer'),
      decimal('contribution_rate', "each side's contribution rate, e.g. 0.12", {
        scale: 3,
        range: { min: '0', max: '0.5' },
      }),
      fen('balance_fen', 'balance on the as-of date', 'bigint'),
    ],
  },
  {
    dataset: 'BUSINESS_REGISTRATION',
    table: 'business_registrations',
    key: ['id_number', 'credit_code', 'role'],
    columns: [
      idNumber,
      {
        name: 'credit_code',
        type: 'CREDIT_CODE',
        required: true,
        description: "the enterprise's 18-character unified social credit code (统一社会信用代码)",
      },
      text('enterprise_name', "the enterprise's registered name"),
      choice('role', 'BusinessRole', BusinessRole, "the person's role in it"),
      choice('status', 'BusinessStatus', BusinessStatus, "the enterprise's registration status"),
      date('registered_on', 'day the enterprise was registered'),
      fen('registered_capital_fen', 'registered capital', 'bigint'),
      {
        ...fen('monthly_income_fen', 'declared or taxed monthly business income, where known', 'integer'),
        required: false,
      },
    ],
  },
  {
    dataset: 'CREMATION',
    table: 'cremation_records',
    key: ['id_number'],
    columns: [
      idNumber,
      date('died_on', 'day of death'),
      date('cremated_on', 'day of cremation'),
      text('funeral_home', 'the funeral home (殡仪馆) that cremated'),
    ],
  },
  {
    dataset: 'MARRIAGE',
    table: 'marriage_registrations',
    key: ['id_number', 'event', 'registered_on'],
    columns: [
      idNumber,
      choice('event', 'MarriageEvent', MarriageEvent, 'MARRIAGE or DIVORCE'),
      {
        name: 'spouse_id_number',
        type: 'CITIZEN_ID',
        required: true,
        description: "the spouse's identity number (GB 11643); the hub need not know the spouse",
      },
      text('spouse_name', "the spouse's name"),
      date('registered_on', 'day of registration'),
    ],
  },
  {
    dataset: 'DISABILITY',
    table: 'disability_certificates',
    key: ['certificate_number'],
    columns: [
      idNumber,
      text('certificate_number', '残疾人证号'),
      text('category', 'category: 视力, 听力, 言语, 肢体, 智力, 精神 or 多重'),
      {
        name: 'grade',
        type: 'INTEGER',
        required: true,
        description: 'grade 1 to 4, 1 the most severe',
        range: { min: '1', max: '4' },
      },
      date('issued_on', 'day the certificate was issued'),
    ],
  },
  {
    dataset: 'STAFF_ROSTER',
    table: 'staff_members',
    key: ['id_number', 'role'],
    columns: [
      idNumber,
      choice('role', 'StaffRole', StaffRole, 'civil-affairs staff or village cadre'),
      text('position', 'post, e.g. 社区低保专干'),
      { name: 'region_code', type: 'REGION_CODE', required: true, description: 'code of the region served' },
    ],
  },
  {
    dataset: 'STAFF_RELATIVE_FILING',
    table: 'staff_relative_filings',
    subjectColumn: 'relative_person_id',
    key: ['staff_id_number', 'id_number'],
    columns: [
      {
        name: 'staff_id_number',
        type: 'ID_NUMBER',
        required: true,
        description: "the staff member's identity number (GB 11643), of a person the hub knows",
        recordColumn: 'staff_person_id',
      },
      { ...idNumber, description: "the filed relative's identity number (GB 11643), of a person the hub knows" },
      choice('relation', 'KinRelation', KinRelation, "the relative's relation to the staff member"),
      date('filed_on', 'day the filing (近亲属备案) was made'),
    ],
  },
];

const registerNumber: DeliveryColumn = text(
  'register_number',
  "户编号: the civil-affairs business system's number for the household",
);

/**
 * The civil-affairs register, delivered by a CIVIL_AFFAIRS department's business system like any dataset (staged,
 * checked row by row, a rejects report, all or nothing within the threshold, a content hash), but merged into the
 * register itself (households, memberships, assistance cases) rather than kept as snapshot records. `table` names
 * the register table the rows update.
 */
export const REGISTER_FORMATS: readonly DeliveryFormat[] = [
  {
    dataset: 'HOUSEHOLD_REGISTER',
    table: 'household_memberships',
    key: ['register_number', 'id_number', 'valid_from'],
    columns: [
      registerNumber,
      {
        name: 'region_code',
        type: 'REGION_CODE',
        required: true,
        description: "code of the household's region, within the delivering department's",
      },
      choice('area_type', 'AreaType', AreaType, 'urban or rural (城市/农村)'),
      text('address', "the household's address"),
      {
        name: 'id_number',
        type: 'CITIZEN_ID',
        required: true,
        description: "the member's identity number (GB 11643); the hub adds a person it does not know",
      },
      text('name', "the member's name"),
      choice('relation', 'Relation', Relation, "the member's relation to the head; exactly one HEAD at a time"),
      date('valid_from', 'first day of the membership'),
      date('valid_to', 'first day the person is no longer a member; empty while they are', false),
    ],
  },
  {
    dataset: 'ASSISTANCE_CASE',
    table: 'assistance_cases',
    key: ['case_number'],
    columns: [
      text('case_number', "the civil-affairs business system's number for the case"),
      { ...registerNumber, description: '户编号 of a household the register has' },
      choice('kind', 'AssistanceKind', AssistanceKind, 'kind of assistance (低保, 低收入, 特困, 临时救助)'),
      choice('status', 'CaseStatus', CaseStatus, 'the case’s status'),
      date('started_on', 'first day of the assistance'),
      date('ended_on', 'last day of the assistance; empty while it runs', false),
      fen('monthly_amount_fen', 'monthly amount paid', 'integer'),
      {
        name: 'single_person_id_number',
        type: 'CITIZEN_ID',
        required: false,
        description: 'for a 单人户 enrolment, the member enrolled alone (a member on the day the case starts)',
      },
      date('grace_period_started_on', 'first day of the grace period (渐退期); required for GRACE_PERIOD', false),
    ],
  },
];

const BY_DATASET = new Map(DELIVERY_FORMATS.map((format) => [format.dataset, format]));
const REGISTER_BY_DATASET = new Map(REGISTER_FORMATS.map((format) => [format.dataset, format]));

/** The format of a register dataset (HOUSEHOLD_REGISTER, ASSISTANCE_CASE), or undefined for any other. */
export function findRegisterFormat(dataset: Dataset): DeliveryFormat | undefined {
  return REGISTER_BY_DATASET.get(dataset);
}

/** The record column a format column's value goes to. */
export function recordColumnOf(format: DeliveryFormat, column: DeliveryColumn): string {
  if (column.recordColumn) return column.recordColumn;
  return column.name === 'id_number' ? (format.subjectColumn ?? 'person_id') : column.name;
}

/** The delivery format of a dataset, or undefined for one that is not (yet) delivered in bulk. */
export function findDeliveryFormat(dataset: Dataset): DeliveryFormat | undefined {
  return BY_DATASET.get(dataset);
}

// Staff rosters carry no shareable item of their own; civil affairs keeps them beside the relatives' filings, and the
// agreement that shares the filings covers the roster they are checked against.
const itemDataset = (dataset: Dataset): Dataset => (dataset === 'STAFF_ROSTER' ? 'STAFF_RELATIVE_FILING' : dataset);

// The register is the hub's spine, whose items name no dataset: these are the items each register file carries.
const REGISTER_ITEMS: Partial<Record<Dataset, readonly string[]>> = {
  HOUSEHOLD_REGISTER: ['HOUSEHOLD_COMPOSITION'],
  ASSISTANCE_CASE: ['ASSISTANCE_STATUS'],
};

/** The catalogue's data items a dataset carries: an agreement naming one of them covers delivering the dataset. */
export function datasetItemCodes(dataset: Dataset): string[] {
  const registerItems = REGISTER_ITEMS[dataset];
  if (registerItems) return [...registerItems];
  return DATA_ITEMS.filter((item) => item.dataset === itemDataset(dataset)).map((item) => item.code);
}

/** The kind of department that delivers a dataset: the provider of the catalogue's item it carries. */
export function datasetProviderKind(dataset: Dataset): DepartmentKind {
  return DATA_ITEMS.find((item) => item.dataset === itemDataset(dataset))?.providerKind ?? DepartmentKind.CIVIL_AFFAIRS;
}
