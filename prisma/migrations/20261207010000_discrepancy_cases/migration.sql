-- Discrepancy cases (疑点核查): each flag of a completed run opens a case for the household's township office or
-- joins its open case; a typed event per step of the case's life; small attachments kept with their SHA-256.

-- CreateEnum
CREATE TYPE "DiscrepancyCaseStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DECIDED', 'APPEALED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DiscrepancyCaseOutcome" AS ENUM ('CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "DiscrepancyCaseAction" AS ENUM ('STOP', 'REDUCE', 'ADJUST_AMOUNT', 'REFER');

-- CreateEnum
CREATE TYPE "DiscrepancyDismissalReason" AS ENUM ('RECORD_OUTDATED', 'NOT_THE_HOUSEHOLDS', 'INCOME_NOT_COUNTED', 'EXPLAINED_WITH_EVIDENCE', 'OTHER');

-- CreateEnum
CREATE TYPE "DiscrepancyCaseClosure" AS ENUM ('RESOLVED', 'CLEARED_BY_RUN');

-- CreateEnum
CREATE TYPE "DiscrepancyCaseEventType" AS ENUM ('OPENED', 'FLAGS_JOINED', 'ASSIGNED', 'VISIT_RECORDED', 'EXPLANATION_RECORDED', 'ATTACHMENT_ADDED', 'DECIDED', 'APPEALED', 'APPEAL_DECIDED', 'CLOSED', 'CLEARED_BY_RUN', 'REMINDED', 'ESCALATED');

-- CreateTable
CREATE TABLE "discrepancy_cases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "office_region_code" VARCHAR(12) NOT NULL,
    "escalated_to_region_code" VARCHAR(12),
    "kind" "ComparisonKind" NOT NULL,
    "status" "DiscrepancyCaseStatus" NOT NULL DEFAULT 'OPEN',
    "flags" "AssessmentFlagCode"[],
    "opened_by_run_id" UUID NOT NULL,
    "latest_run_id" UUID NOT NULL,
    "assignee_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_on" DATE NOT NULL,
    "deadline_working_days" INTEGER NOT NULL,
    "outcome" "DiscrepancyCaseOutcome",
    "action" "DiscrepancyCaseAction",
    "dismissal_reason" "DiscrepancyDismissalReason",
    "decision_note" TEXT,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decided_in_time" BOOLEAN,
    "appealable_until" DATE,
    "appealed_at" TIMESTAMPTZ(3),
    "appeal_decided_by_id" UUID,
    "appeal_decided_at" TIMESTAMPTZ(3),
    "closure" "DiscrepancyCaseClosure",
    "closed_at" TIMESTAMPTZ(3),
    "cleared_by_run_id" UUID,
    "reminded_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),

    CONSTRAINT "discrepancy_cases_pkey" PRIMARY KEY ("id"),
    -- A decision is either a confirmation with its action or a dismissal with its reason.
    CONSTRAINT "discrepancy_cases_decision" CHECK (
      ("outcome" IS NULL AND "action" IS NULL AND "dismissal_reason" IS NULL)
      OR ("outcome" = 'CONFIRMED' AND "action" IS NOT NULL AND "dismissal_reason" IS NULL)
      OR ("outcome" = 'DISMISSED' AND "action" IS NULL AND "dismissal_reason" IS NOT NULL)),
    CONSTRAINT "discrepancy_cases_closed" CHECK (("status" = 'CLOSED') = ("closure" IS NOT NULL AND "closed_at" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "discrepancy_case_findings" (
    "case_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "flags" "AssessmentFlagCode"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discrepancy_case_findings_pkey" PRIMARY KEY ("case_id", "run_id")
);

-- CreateTable
CREATE TABLE "discrepancy_case_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "type" "DiscrepancyCaseEventType" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "actor_user_id" UUID,
    "actor_name" TEXT NOT NULL,
    "run_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "discrepancy_case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancy_case_attachments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "added_by_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discrepancy_case_attachments_pkey" PRIMARY KEY ("id")
);

-- One open case per household: a run's flags join it rather than open another (not expressible in schema.prisma).
CREATE UNIQUE INDEX "discrepancy_cases_one_open_per_household" ON "discrepancy_cases"("household_id") WHERE "status" <> 'CLOSED';

-- CreateIndex
CREATE INDEX "discrepancy_cases_household_id_idx" ON "discrepancy_cases"("household_id");

-- CreateIndex
CREATE INDEX "discrepancy_cases_office_region_code_status_idx" ON "discrepancy_cases"("office_region_code", "status");

-- CreateIndex
CREATE INDEX "discrepancy_cases_status_due_on_idx" ON "discrepancy_cases"("status", "due_on");

-- CreateIndex
CREATE INDEX "discrepancy_cases_assignee_id_idx" ON "discrepancy_cases"("assignee_id");

-- CreateIndex
CREATE INDEX "discrepancy_case_findings_run_id_idx" ON "discrepancy_case_findings"("run_id");

-- CreateIndex
CREATE INDEX "discrepancy_case_events_case_id_occurred_at_idx" ON "discrepancy_case_events"("case_id", "occurred_at");

-- CreateIndex
CREATE INDEX "discrepancy_case_attachments_case_id_idx" ON "discrepancy_case_attachments"("case_id");

-- AddForeignKey
ALTER TABLE "discrepancy_cases" ADD CONSTRAINT "discrepancy_cases_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_cases" ADD CONSTRAINT "discrepancy_cases_office_region_code_fkey" FOREIGN KEY ("office_region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_cases" ADD CONSTRAINT "discrepancy_cases_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_case_findings" ADD CONSTRAINT "discrepancy_case_findings_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "discrepancy_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_case_findings" ADD CONSTRAINT "discrepancy_case_findings_run_id_household_id_fkey" FOREIGN KEY ("run_id", "household_id") REFERENCES "household_assessments"("run_id", "household_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_case_events" ADD CONSTRAINT "discrepancy_case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "discrepancy_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_case_events" ADD CONSTRAINT "discrepancy_case_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_case_attachments" ADD CONSTRAINT "discrepancy_case_attachments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "discrepancy_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_case_attachments" ADD CONSTRAINT "discrepancy_case_attachments_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
