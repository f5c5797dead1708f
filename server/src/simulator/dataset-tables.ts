import type { Dataset } from '@hub/prisma';

/** The table each person-level dataset's records live in (a fixed list: table names are never taken from input). */
export const DATASET_TABLES: Partial<Record<Dataset, string>> = {
  HUKOU: 'hukou_records',
  CREMATION: 'cremation_records',
  VEHICLE: 'vehicle_records',
  REAL_ESTATE: 'property_records',
  EMPLOYMENT: 'employment_records',
  PENSION: 'pension_records',
  UNEMPLOYMENT_BENEFIT: 'unemployment_benefit_records',
  HOUSING_FUND: 'housing_fund_accounts',
  BANK_DEPOSIT: 'bank_deposits',
  WEALTH_PRODUCT: 'wealth_products',
  BUSINESS_REGISTRATION: 'business_registrations',
  MARRIAGE: 'marriage_registrations',
  DISABILITY: 'disability_certificates',
};
