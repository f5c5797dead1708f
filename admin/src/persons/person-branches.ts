/** The department branches of a person, in the order the verification view shows them, with their columns. */
export const PERSON_BRANCHES: { branch: string; columns: string[] }[] = [
  { branch: 'hukou', columns: ['hukouNumber', 'registeredRegionCode', 'status', 'cancelledOn', 'cancellationReason'] },
  { branch: 'marriages', columns: ['event', 'spouseName', 'spouseIdNumber', 'registeredOn'] },
  { branch: 'employment', columns: ['employerName', 'monthlyWageFen', 'startedOn', 'endedOn'] },
  { branch: 'pensions', columns: ['pensionType', 'monthlyAmountFen', 'startedOn', 'stoppedOn'] },
  { branch: 'unemploymentBenefits', columns: ['monthlyAmountFen', 'startedOn', 'endsOn'] },
  {
    branch: 'housingFund',
    columns: ['accountNumber', 'employerName', 'status', 'monthlyContributionFen', 'balanceFen'],
  },
  { branch: 'bankAccounts', columns: ['accountNumber', 'depositType', 'balanceFen', 'openedOn'] },
  { branch: 'wealthProducts', columns: ['productName', 'productType', 'marketValueFen'] },
  { branch: 'vehicles', columns: ['plateNumber', 'brand', 'vehicleType', 'estimatedValueFen', 'registeredOn'] },
  { branch: 'properties', columns: ['certificateNumber', 'address', 'areaM2', 'use', 'isPublicRental', 'acquiredOn'] },
  { branch: 'businesses', columns: ['enterpriseName', 'creditCode', 'role', 'status', 'registeredCapitalFen'] },
  { branch: 'disabilities', columns: ['certificateNumber', 'category', 'grade', 'issuedOn'] },
];

// A delivery older than this is shown as stale beside its records (the agreed quarterly refresh).
export const FRESHNESS_DAYS = 92;

export function ageInDays(asOf: string, now = Date.now()): number {
  return Math.floor((now - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}
