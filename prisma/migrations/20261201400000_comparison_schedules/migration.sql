-- Scheduled comparisons of a region (在保对象每年至少比对2次): which months, on which day, China Standard Time.

-- CreateTable
CREATE TABLE "comparison_schedules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_code" VARCHAR(12) NOT NULL,
    "kind" "ComparisonKind" NOT NULL DEFAULT 'PERIODIC_REVIEW',
    "months" INTEGER[] DEFAULT ARRAY[1, 7]::INTEGER[],
    "day_of_month" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "last_run_id" UUID,
    "last_run_at" TIMESTAMPTZ(3),
    "last_failure" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comparison_schedules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "comparison_schedules_regional_kind" CHECK ("kind" <> 'APPLICATION'),
    CONSTRAINT "comparison_schedules_months" CHECK (cardinality("months") >= 1 AND "months" <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
    CONSTRAINT "comparison_schedules_day_of_month" CHECK ("day_of_month" BETWEEN 1 AND 28)
);

-- CreateIndex
CREATE UNIQUE INDEX "comparison_schedules_region_code_kind_key" ON "comparison_schedules"("region_code", "kind");

-- CreateIndex
CREATE INDEX "comparison_schedules_enabled_next_run_at_idx" ON "comparison_schedules"("enabled", "next_run_at");

-- AddForeignKey
ALTER TABLE "comparison_schedules" ADD CONSTRAINT "comparison_schedules_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comparison_schedules" ADD CONSTRAINT "comparison_schedules_last_run_id_fkey" FOREIGN KEY ("last_run_id") REFERENCES "comparison_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comparison_schedules" ADD CONSTRAINT "comparison_schedules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
