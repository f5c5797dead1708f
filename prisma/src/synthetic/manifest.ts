// The truth the generator planted, for tests and for judging a comparison engine: every planted case breaks
// exactly one rule of domain.md for a 低保 recipient household, and every control looks close to a breach but
// is not one, so must not be flagged.

export type PlantedKind =
  | 'DECEASED_MEMBER'
  | 'UNDECLARED_VEHICLE'
  | 'EXTRA_PROPERTY'
  | 'DEPOSITS_OVER_LIMIT'
  | 'BUSINESS_REGISTERED'
  | 'INCOME_ABOVE_STANDARD'
  | 'STAFF_RELATIVE_UNFILED'
  | 'HOUSING_FUND_IMPLIED_WAGE';

/** The rule a comparison should find broken. */
export type ExpectedFlag =
  | 'DECEASED_MEMBER'
  | 'NON_EXEMPT_VEHICLE'
  | 'EXCESS_PROPERTY'
  | 'FINANCIAL_ASSETS_OVER_LIMIT'
  | 'BUSINESS_REGISTERED'
  | 'INCOME_ABOVE_STANDARD'
  | 'UNFILED_STAFF_RELATIVE';

export type ControlKind =
  | 'DEATH_AFTER_AS_OF'
  | 'STAFF_RELATIVE_FILED'
  | 'INCOME_AT_STANDARD'
  | 'INCOME_ONE_FEN_BELOW_STANDARD'
  | 'VEHICLE_AT_EXEMPT_LIMIT'
  | 'DEPOSITS_AT_LIMIT'
  | 'CANCELLED_BUSINESS'
  | 'GRACE_PERIOD_EMPLOYMENT';

export type Detail = Record<string, string | number | boolean | null>;

export interface PlantedCase {
  kind: PlantedKind;
  householdId: string;
  personId?: string;
  expectedFlag: ExpectedFlag;
  detail: Detail;
}

export interface ControlCase {
  kind: ControlKind;
  householdId: string;
  personId?: string;
  note: string;
  detail: Detail;
}

export interface ManifestRegion {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface ManifestStandard {
  regionCode: string;
  areaType: 'URBAN' | 'RURAL';
  year: number;
  minimumLivingMonthlyFen: number;
  financialAssetMonths: number;
  exemptVehicleMaxValueFen: number | null;
}

export interface SeedManifest {
  seed: number;
  persons: number;
  households: number;
  /** The comparison date the planted cases are true for (income of its month, assets on that day). */
  asOf: string;
  /** The month whose income the cases are built around, YYYY-MM. */
  incomeMonth: string;
  /** The date department snapshots are current to; events between asOf and this (a later death) are controls. */
  dataAsOf: string;
  regions: ManifestRegion[];
  /** The standards in force on asOf that the cases were built against. */
  standards: ManifestStandard[];
  plantedCases: PlantedCase[];
  controls: ControlCase[];
  /** Rows the seed wrote, per table. */
  counts: Record<string, number>;
}
