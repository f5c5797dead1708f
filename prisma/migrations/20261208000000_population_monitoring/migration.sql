-- 低收入人口动态监测 (yinchuan-2021, 二(五)): a comparison of every household of a region, enrolled or not, and the two
-- findings it makes about households that are neither enrolled nor applying.
ALTER TYPE "ComparisonKind" ADD VALUE 'POPULATION_MONITORING' AFTER 'STAFF_RELATIVES';
ALTER TYPE "AssessmentFlagCode" ADD VALUE 'NEWLY_ELIGIBLE' AFTER 'EXTREME_POVERTY_CONDITIONS_NOT_MET';
ALTER TYPE "AssessmentFlagCode" ADD VALUE 'AT_RISK' AFTER 'NEWLY_ELIGIBLE';
