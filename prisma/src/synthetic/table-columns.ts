// The columns each generated table is loaded with, in COPY order, and the order tables load in within a chunk
// (parents before the rows that point at them, so foreign keys hold at every step of the one transaction).

const PROVENANCE = ['department_id', 'snapshot_id', 'as_of'] as const;

export const TABLE_COLUMNS = {
  households: ['id', 'region_code', 'area_type', 'address', 'created_at'],
  persons: ['id', 'id_number', 'name', 'sex', 'birth_date', 'household_id', 'relation', 'created_at'],
  assistance_cases: [
    'id',
    'household_id',
    'kind',
    'status',
    'started_on',
    'ended_on',
    'monthly_amount_fen',
    'grace_period_ends_on',
    'single_person_id',
    'created_at',
  ],
  applications: [
    'id',
    'household_id',
    'kind',
    'status',
    'submitted_on',
    'medical_expense_monthly_fen',
    'education_expense_monthly_fen',
    'created_at',
  ],
  hukou_records: [
    'id',
    'person_id',
    'status',
    'registered_region_code',
    'hukou_number',
    'cancelled_on',
    'cancellation_reason',
    ...PROVENANCE,
  ],
  cremation_records: ['id', 'person_id', 'died_on', 'cremated_on', 'funeral_home', ...PROVENANCE],
  vehicle_records: [
    'id',
    'person_id',
    'plate_number',
    'vehicle_type',
    'brand',
    'registered_on',
    'estimated_value_fen',
    ...PROVENANCE,
  ],
  property_records: [
    'id',
    'person_id',
    'certificate_number',
    'address',
    'region_code',
    'use',
    'area_m2',
    'acquired_on',
    'is_public_rental',
    ...PROVENANCE,
  ],
  employment_records: [
    'id',
    'person_id',
    'employer_name',
    'employer_code',
    'started_on',
    'ended_on',
    'monthly_wage_fen',
    ...PROVENANCE,
  ],
  pension_records: ['id', 'person_id', 'pension_type', 'monthly_amount_fen', 'started_on', 'stopped_on', ...PROVENANCE],
  unemployment_benefit_records: ['id', 'person_id', 'monthly_amount_fen', 'started_on', 'ends_on', ...PROVENANCE],
  housing_fund_accounts: [
    'id',
    'person_id',
    'account_number',
    'status',
    'employer_name',
    'monthly_contribution_fen',
    'contribution_rate',
    'balance_fen',
    ...PROVENANCE,
  ],
  bank_deposits: ['id', 'person_id', 'account_number', 'deposit_type', 'balance_fen', 'opened_on', ...PROVENANCE],
  wealth_products: ['id', 'person_id', 'product_name', 'product_type', 'market_value_fen', ...PROVENANCE],
  business_registrations: [
    'id',
    'person_id',
    'credit_code',
    'enterprise_name',
    'role',
    'status',
    'registered_on',
    'registered_capital_fen',
    'monthly_income_fen',
    ...PROVENANCE,
  ],
  marriage_registrations: [
    'id',
    'person_id',
    'event',
    'spouse_id_number',
    'spouse_name',
    'registered_on',
    ...PROVENANCE,
  ],
  disability_certificates: ['id', 'person_id', 'certificate_number', 'category', 'grade', 'issued_on', ...PROVENANCE],
  staff_members: ['id', 'person_id', 'role', 'position', 'region_code', ...PROVENANCE],
  staff_relative_filings: ['id', 'staff_person_id', 'relative_person_id', 'relation', 'filed_on', ...PROVENANCE],
} as const;

export type GeneratedTable = keyof typeof TABLE_COLUMNS;

export const GENERATED_TABLES = Object.keys(TABLE_COLUMNS) as GeneratedTable[];

/** COPY's text format: backslash, tab and line breaks are escaped; everything else goes through as it is. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : value;
}

/** COPY's text-format null. */
export const NULL = '\\N';
