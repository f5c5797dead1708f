import type { PolicyRuleCode } from '@hub/prisma/policy/policy-rules';

// Every rule a decision applied, as one JSON array per household: the rule, its citation (the region's, or the
// rule's documentary basis), whether its condition holds, and the figures compared. Income is given as the exact
// fraction incomeFen / members, never as a rounded per-capita figure, so nothing shown contradicts the decision.

function rule(code: PolicyRuleCode, holds: string, figures: string): string {
  return `jsonb_build_object('rule', '${code}', 'citation', c.citations->'${code}', 'holds', ${holds},
    'figures', jsonb_build_object(${figures}))`;
}

const INCOME = `'incomeFen', c.net_income_fen, 'members', c.members`;

/** The applied rules of the `classified` row `c`, in the order a reader follows the decision. */
export const APPLIED_RULES_SQL = `to_jsonb(array_remove(ARRAY[
  ${rule('STANDARD_IN_FORCE', 'c.standard_fen IS NOT NULL', `'standardFen', c.standard_fen, 'effectiveFrom', c.effective_from, 'regionCode', c.standard_region_code`)},
  ${rule('EMPLOYMENT_COST_DEDUCTION', 'true', `'deductionPerWageFen', c.employment_cost_deduction_fen`)},
  ${rule('INCOME_EXCLUSIONS', 'c.excluded_income_fen = 0', `'excludedKinds', to_jsonb(c.excluded_income_kinds), 'excludedFen', c.excluded_income_fen, 'countedFen', c.income_fen`)},
  ${rule('RIGID_EXPENDITURE', 'c.rigid_fen > 0', `'incomeFen', c.income_fen, 'rigidExpenditureFen', c.rigid_fen, 'netIncomeFen', c.net_income_fen`)},
  CASE WHEN c.single_person_id IS NOT NULL THEN ${rule('SINGLE_PERSON_ENROLMENT', 'true', `'personId', c.single_person_id, 'source', c.single_person_source, 'members', c.members`)} END,
  ${rule('MINIMUM_LIVING_LINE', 'c.is_within_minimum_living', `${INCOME}, 'lineFen', c.standard_fen, 'reading', c.minimum_living_line`)},
  ${rule('LOW_INCOME_FLOOR', 'c.is_above_low_income_floor', `${INCOME}, 'floorFen', c.standard_fen, 'reading', c.low_income_floor`)},
  ${rule('LOW_INCOME_LINE', 'c.is_within_low_income', `${INCOME}, 'lineFen', c.standard_fen * c.low_income_multiplier, 'multiplier', c.low_income_multiplier, 'reading', c.low_income_line`)},
  CASE WHEN c.case_kind = 'EXTREME_POVERTY' THEN ${rule(
    'EXTREME_POVERTY_LINE',
    'c.is_within_extreme_poverty AND c.meets_extreme_poverty_conditions',
    `${INCOME}, 'lineFen', c.standard_fen * c.extreme_poverty_multiplier, 'multiplier', c.extreme_poverty_multiplier,
     'reading', c.extreme_poverty_line, 'membersMeetingConditions', c.extreme_poverty_condition_members,
     'minorUntilAge', c.extreme_poverty_minor_until_age, 'elderlyFromAge', c.extreme_poverty_elderly_from_age`,
  )} END,
  CASE WHEN c.grace_ends_on IS NOT NULL THEN ${rule(
    'GRACE_PERIOD',
    'c.is_in_grace_period',
    `'graceStartedOn', c.grace_started_on, 'source', c.grace_source, 'enrolledSince', c.enrolled_since,
     'graceEndsOn', c.grace_ends_on, 'months', c.grace_period_months,
     'lastMonth', c.is_grace_period_ending`,
  )} END,
  ${rule('FINANCIAL_ASSET_LIMIT', 'c.are_financial_assets_within_limit', `'assetsFen', c.assets_fen, 'members', c.members, 'months', c.financial_asset_months, 'limitFen', c.members * c.financial_asset_months * c.standard_fen, 'reading', c.financial_asset_line`)},
  ${rule('VEHICLE_EXEMPTION', 'NOT c.has_non_exempt_vehicle', `'nonExemptVehicles', c.non_exempt_vehicles, 'exemptTypes', to_jsonb(c.exempt_vehicle_types), 'exemptMaxValueFen', c.exempt_vehicle_max_value_fen, 'reading', c.exempt_vehicle_value_line`)},
  ${rule('PROPERTY_LIMIT', 'NOT c.has_excess_property', `'homes', c.homes, 'maxHomes', c.max_homes, 'nonResidential', c.has_non_residential, 'residentialAreaM2', c.residential_area_m2, 'members', c.members, 'capPerPersonM2', c.residential_area_per_person_cap_m2, 'reading', c.residential_area_line`)},
  ${rule('BUSINESS_REGISTRATION', 'NOT c.has_business_with_income', `'withIncome', c.has_business_with_income, 'withoutIncome', c.has_business_without_income`)},
  CASE WHEN c.has_unfiled_staff_relative IS NOT NULL THEN ${rule('STAFF_RELATIVES', 'NOT c.has_unfiled_staff_relative', `'unfiled', c.has_unfiled_staff_relative`)} END,
  CASE WHEN c.monthly_benefit_fen IS NOT NULL THEN ${rule(
    'BENEFIT_AMOUNT',
    'true',
    `'method', CASE WHEN c.is_benefit_held_by_grace THEN 'GRACE_PERIOD_CASE_AMOUNT' WHEN c.classification = 'EXTREME_POVERTY' THEN 'EXTREME_POVERTY_STANDARD' ELSE c.benefit_method::text END,
     'monthlyBenefitFen', c.monthly_benefit_fen, 'minimumBenefitFen', c.minimum_benefit_fen,
     'severelyDisabledMembers', c.severely_disabled_members, 'severeDisabilityExtraFen', c.severe_disability_extra_fen,
     'oldAgeMembers', c.old_age_members, 'oldAgeExtraFen', c.old_age_extra_fen`,
  )} END,
  CASE WHEN c.case_kind = 'TEMPORARY_ASSISTANCE' THEN ${rule(
    'TEMPORARY_ASSISTANCE',
    'c.urban_standard_fen IS NOT NULL',
    `'urbanStandardFen', c.urban_standard_fen, 'members', c.members,
     'emergencyFen', c.members * ceil(c.urban_standard_fen * c.emergency_assistance_multiplier),
     'expenditureFen', c.members * ceil(c.urban_standard_fen * c.expenditure_assistance_multiplier),
     'individualFen', ceil(c.urban_standard_fen * c.individual_assistance_multiplier),
     'requestedType', c.temporary_assistance_type,
     'amountFen', CASE c.temporary_assistance_type
       WHEN 'EMERGENCY' THEN c.members * ceil(c.urban_standard_fen * c.emergency_assistance_multiplier)
       WHEN 'EXPENDITURE' THEN c.members * ceil(c.urban_standard_fen * c.expenditure_assistance_multiplier)
       WHEN 'INDIVIDUAL' THEN ceil(c.urban_standard_fen * c.individual_assistance_multiplier) END`,
  )} END
], NULL))`;
