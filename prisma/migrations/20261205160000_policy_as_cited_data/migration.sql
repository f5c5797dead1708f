-- Policy as cited data: each region's standard becomes a version with an effective date, carrying every rule's
-- figures (line readings, property area cap, vehicle exemptions, income exclusions, benefit method, extras) and the
-- citation of each rule (document and paragraph); every change an administrator makes is kept with its old and
-- new values; each assessment lists the rules it applied and the monthly benefit the household would receive.

-- CreateEnum
CREATE TYPE "LineReading" AS ENUM ('BELOW', 'AT_OR_BELOW');

-- CreateEnum
CREATE TYPE "BenefitMethod" AS ENUM ('GAP', 'TIERS');

-- CreateEnum
CREATE TYPE "IncomeKind" AS ENUM ('WAGE', 'HOUSING_FUND_IMPLIED_WAGE', 'PENSION', 'UNEMPLOYMENT_BENEFIT', 'BUSINESS', 'SPECIAL_CARE', 'REWARD', 'ASSISTANCE');

-- AlterEnum
ALTER TYPE "HouseholdClassification" ADD VALUE 'EXTREME_POVERTY';

-- AlterEnum
ALTER TYPE "AssessmentFlagCode" ADD VALUE 'GRACE_PERIOD_ENDING';
ALTER TYPE "AssessmentFlagCode" ADD VALUE 'BUSINESS_WITHOUT_INCOME';
ALTER TYPE "AssessmentFlagCode" ADD VALUE 'EXTREME_POVERTY_CONDITIONS_NOT_MET';

-- AlterTable
ALTER TABLE "assistance_standards"
    ADD COLUMN "effective_from" DATE,
    ADD COLUMN "minimum_living_line" "LineReading" NOT NULL DEFAULT 'BELOW',
    ADD COLUMN "low_income_line" "LineReading" NOT NULL DEFAULT 'BELOW',
    ADD COLUMN "extreme_poverty_line" "LineReading" NOT NULL DEFAULT 'BELOW',
    ADD COLUMN "extreme_poverty_minor_until_age" INTEGER NOT NULL DEFAULT 18,
    ADD COLUMN "extreme_poverty_elderly_from_age" INTEGER NOT NULL DEFAULT 60,
    ADD COLUMN "exempt_vehicle_types" "VehicleType"[] DEFAULT ARRAY['MOTORCYCLE', 'DISABILITY_VEHICLE']::"VehicleType"[],
    ADD COLUMN "residential_area_per_person_cap_m2" DECIMAL(8,2),
    ADD COLUMN "excluded_income_kinds" "IncomeKind"[] DEFAULT ARRAY['SPECIAL_CARE', 'REWARD', 'ASSISTANCE']::"IncomeKind"[],
    ADD COLUMN "benefit_method" "BenefitMethod" NOT NULL DEFAULT 'GAP',
    ADD COLUMN "benefit_tiers" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "minimum_benefit_fen" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "severe_disability_extra_fen" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "old_age_extra_fen" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "old_age_extra_from_age" INTEGER NOT NULL DEFAULT 80,
    ADD COLUMN "citations" JSONB NOT NULL DEFAULT '{}';

UPDATE "assistance_standards" SET "effective_from" = make_date("year", 1, 1);
ALTER TABLE "assistance_standards" ALTER COLUMN "effective_from" SET NOT NULL;

-- A version is in force from its date until the next version of the same region and area type, within its year.
DROP INDEX "assistance_standards_region_code_year_area_type_key";
CREATE UNIQUE INDEX "assistance_standards_region_code_area_type_effective_from_key" ON "assistance_standards"("region_code", "area_type", "effective_from");

-- AlterTable
ALTER TABLE "household_assessments"
    ADD COLUMN "monthly_benefit_fen" BIGINT,
    ADD COLUMN "applied_rules" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "assistance_standard_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "standard_id" UUID NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "area_type" "AreaType" NOT NULL,
    "effective_from" DATE NOT NULL,
    "changed_by_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "old_values" JSONB,
    "new_values" JSONB NOT NULL,

    CONSTRAINT "assistance_standard_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assistance_standard_changes_standard_id_changed_at_idx" ON "assistance_standard_changes"("standard_id", "changed_at");

-- AddForeignKey
ALTER TABLE "assistance_standard_changes" ADD CONSTRAINT "assistance_standard_changes_standard_id_fkey" FOREIGN KEY ("standard_id") REFERENCES "assistance_standards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_standard_changes" ADD CONSTRAINT "assistance_standard_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
