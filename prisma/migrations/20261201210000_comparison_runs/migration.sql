-- Comparison runs: a run, its chunks (the unit any worker claims), and one assessment per household and run.

-- CreateEnum
CREATE TYPE "ComparisonKind" AS ENUM ('APPLICATION', 'PERIODIC_REVIEW', 'DEATH_CHECK', 'STAFF_RELATIVES');

-- CreateEnum
CREATE TYPE "ComparisonRunStatus" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "ComparisonChunkState" AS ENUM ('PENDING', 'DONE');

-- CreateEnum
CREATE TYPE "HouseholdClassification" AS ENUM ('MINIMUM_LIVING', 'LOW_INCOME', 'ABOVE_LINE');

-- CreateEnum
CREATE TYPE "AssessmentFlagCode" AS ENUM ('DECEASED_MEMBER', 'INCOME_ABOVE_STANDARD', 'FINANCIAL_ASSETS_OVER_LIMIT', 'NON_EXEMPT_VEHICLE', 'EXCESS_PROPERTY', 'BUSINESS_REGISTERED', 'UNFILED_STAFF_RELATIVE', 'DATA_MISSING');

-- CreateTable
CREATE TABLE "comparison_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ComparisonKind" NOT NULL,
    "status" "ComparisonRunStatus" NOT NULL DEFAULT 'PENDING',
    "region_code" VARCHAR(12),
    "as_of" DATE NOT NULL,
    "chunk_size" INTEGER NOT NULL,
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "chunks_done" INTEGER NOT NULL DEFAULT 0,
    "household_count" INTEGER NOT NULL DEFAULT 0,
    "households_done" INTEGER NOT NULL DEFAULT 0,
    "started_by_id" UUID,
    "failure" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "comparison_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comparison_chunks" (
    "run_id" UUID NOT NULL,
    "chunk_no" INTEGER NOT NULL,
    "household_ids" UUID[],
    "state" "ComparisonChunkState" NOT NULL DEFAULT 'PENDING',
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "comparison_chunks_pkey" PRIMARY KEY ("run_id","chunk_no")
);

-- CreateTable
CREATE TABLE "household_assessments" (
    "run_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "chunk_no" INTEGER NOT NULL,
    "classification" "HouseholdClassification",
    "counted_members" INTEGER NOT NULL,
    "monthly_income_fen" BIGINT NOT NULL,
    "rigid_expenditure_fen" BIGINT NOT NULL,
    "per_capita_income_fen" BIGINT,
    "standard_monthly_fen" INTEGER NOT NULL,
    "financial_assets_fen" BIGINT NOT NULL,
    "flags" "AssessmentFlagCode"[],
    "findings" JSONB NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_assessments_pkey" PRIMARY KEY ("run_id","household_id")
);

-- CreateIndex
CREATE INDEX "comparison_runs_kind_region_code_created_at_idx" ON "comparison_runs"("kind", "region_code", "created_at");

-- CreateIndex
CREATE INDEX "comparison_chunks_run_id_state_idx" ON "comparison_chunks"("run_id", "state");

-- CreateIndex
CREATE INDEX "household_assessments_household_id_idx" ON "household_assessments"("household_id");

-- AddForeignKey
ALTER TABLE "comparison_runs" ADD CONSTRAINT "comparison_runs_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comparison_runs" ADD CONSTRAINT "comparison_runs_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comparison_chunks" ADD CONSTRAINT "comparison_chunks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "comparison_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_assessments" ADD CONSTRAINT "household_assessments_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "comparison_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_assessments" ADD CONSTRAINT "household_assessments_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
