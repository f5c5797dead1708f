import { AssessmentFlagCode, ComparisonKind, ComparisonRunStatus, HouseholdClassification } from '@hub/prisma';
import { builder } from '../builder.ts';

export const ComparisonKindEnum = builder.enumType(ComparisonKind, { name: 'ComparisonKind' });
export const ComparisonRunStatusEnum = builder.enumType(ComparisonRunStatus, { name: 'ComparisonRunStatus' });
export const HouseholdClassificationEnum = builder.enumType(HouseholdClassification, {
  name: 'HouseholdClassification',
});
export const AssessmentFlagCodeEnum = builder.enumType(AssessmentFlagCode, { name: 'AssessmentFlagCode' });
