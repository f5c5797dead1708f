import {
  type Dataset,
  DepartmentKind,
  DepositType,
  HukouCancellationReason,
  HukouStatus,
  PensionType,
  VehicleType,
  WealthProductType,
} from '@hub/prisma';
import { DATA_ITEMS } from './catalogue.ts';

// What a bulk delivery of each dataset looks like: the one place that says which columns a department's file has,
// what each holds, and which the hub requires. The import (server/src/delivery) and the `datasets` query read it.

export type DeliveryColumnType = 'ID_NUMBER' | 'TEXT' | 'DATE' | 'AMOUNT_FEN' | 'ENUM' | 'REGION_CODE';

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
}

export interface DeliveryFormat {
  dataset: Dataset;
  /** The department record table the accepted rows go to. */
  table: string;
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
];

const BY_DATASET = new Map(DELIVERY_FORMATS.map((format) => [format.dataset, format]));

/** The delivery format of a dataset, or undefined for one that is not (yet) delivered in bulk. */
export function findDeliveryFormat(dataset: Dataset): DeliveryFormat | undefined {
  return BY_DATASET.get(dataset);
}

/** The kind of department that delivers a dataset: the provider of the catalogue's item it carries. */
export function datasetProviderKind(dataset: Dataset): DepartmentKind {
  // Staff rosters carry no shareable item of their own; civil affairs keeps them beside the relatives' filings.
  return DATA_ITEMS.find((item) => item.dataset === dataset)?.providerKind ?? DepartmentKind.CIVIL_AFFAIRS;
}
