import {
  type AssessmentFlagCode,
  ComparisonKind,
  ComparisonRunStatus,
  type HouseholdClassification,
} from '@hub/prisma';
import { builder } from '../builder.ts';

export const ComparisonKindEnum = builder.enumType(ComparisonKind, { name: 'ComparisonKind' });
export const ComparisonRunStatusEnum = builder.enumType(ComparisonRunStatus, { name: 'ComparisonRunStatus' });

const CLASSIFICATIONS: Record<HouseholdClassification, string> = {
  MINIMUM_LIVING:
    '低保: per-capita income within the 低保 line (below the standard unless the region reads it "at most"), assets within the rules.',
  LOW_INCOME:
    '低收入家庭: not within the 低保 line, per-capita income above the standard (or at least it, as the region reads the floor) and below the low-income multiple (1.5 ×) of the standard, assets within the rules.',
  ABOVE_LINE: 'Neither: income above every line the household could qualify under, or an asset rule broken.',
  BETWEEN_LINES:
    'Exactly on the 低保 standard where the region reads 低保 as below it (低于) and 低收入 as above it (高于): by the letter neither; the region’s own rule settles it (lowIncomeFloor AT_OR_ABOVE makes it 低收入).',
  EXTREME_POVERTY:
    '特困人员: a 特困 case whose per-capita income is within its own standard (at least 1.3 × the 低保 standard) and whose every member is a minor (under 18), elderly or severely disabled.',
};

const FLAGS: Record<AssessmentFlagCode, string> = {
  DECEASED_MEMBER: 'A member died on or before the as-of date (hukou cancelled for death, or a cremation record).',
  INCOME_ABOVE_STANDARD:
    'Per-capita income is not within the line the household’s assistance requires (低保: the standard; 低收入: its multiple; 特困: its own standard), under the region’s reading of the line, and no grace period holds it back.',
  FINANCIAL_ASSETS_OVER_LIMIT: 'Financial assets exceed members × the standard’s months × the 低保 standard.',
  NON_EXEMPT_VEHICLE: 'A vehicle of a type the standard does not exempt, worth more than any exempt value.',
  EXCESS_PROPERTY:
    'More homes than the standard allows, non-residential property, or residential area per member above the cap.',
  BUSINESS_REGISTERED: 'An active business registration with income, or with no income on record: it disqualifies.',
  UNFILED_STAFF_RELATIVE:
    'A civil-affairs staff member or village cadre, or a close relative of one, on assistance without a filing (近亲属备案).',
  DATA_MISSING: 'A department delivered nothing the run needs: the result may be incomplete.',
  GRACE_PERIOD_ENDING:
    '渐退期: income is above the line but the grace period still holds the flag back (counted from the grace-period start the register records, or from the first job a member took while enrolled); this is its last month.',
  BUSINESS_WITHOUT_INCOME:
    'An active business registration whose income is on record as zero: it does not disqualify, but an officer should confirm it earns nothing.',
  EXTREME_POVERTY_CONDITIONS_NOT_MET:
    '特困: a member is neither a minor, elderly nor severely disabled, so the household is assessed as any other.',
  NEWLY_ELIGIBLE:
    'Population monitoring: a household neither enrolled nor applying whose records, every one of them read, put it within the 低保 line (应保尽保): an office should invite it to apply.',
  AT_RISK:
    'Population monitoring: a household neither enrolled nor applying in the 低收入 band (or exactly on the standard), or within the 低保 line on records that leave out what its members have not authorised; the evidence lists what was not read.',
};

export const HouseholdClassificationEnum = builder.enumType('HouseholdClassification', {
  values: Object.fromEntries(
    Object.entries(CLASSIFICATIONS).map(([value, description]) => [value, { value, description }]),
  ) as Record<HouseholdClassification, { value: HouseholdClassification; description: string }>,
});

export const AssessmentFlagCodeEnum = builder.enumType('AssessmentFlagCode', {
  values: Object.fromEntries(
    Object.entries(FLAGS).map(([value, description]) => [value, { value, description }]),
  ) as Record<AssessmentFlagCode, { value: AssessmentFlagCode; description: string }>,
});
