-- Referral (转介) of a case's household to the department whose help it needs, read and answered by that department
-- under an agreement for the new purpose CASE_REFERRAL; and every discrepancy case event chained into the audit trail
-- (one DISCREPANCY_CASE_STEP entry per event, written by the statement that records the event).

-- AlterEnum
ALTER TYPE "Purpose" ADD VALUE 'CASE_REFERRAL';

-- AlterEnum
ALTER TYPE "AuditEventType" ADD VALUE 'DISCREPANCY_CASE_STEP';

-- AlterEnum
ALTER TYPE "DiscrepancyCaseEventType" ADD VALUE 'REFERRED';
ALTER TYPE "DiscrepancyCaseEventType" ADD VALUE 'REFERRAL_ANSWERED';

-- CreateEnum
CREATE TYPE "ReferralNeed" AS ENUM ('MEDICAL', 'HOUSING', 'EDUCATION', 'EMPLOYMENT');

-- CreateEnum
CREATE TYPE "CaseReferralStatus" AS ENUM ('REFERRED', 'ACCEPTED', 'DECLINED', 'DONE');

-- CreateTable
CREATE TABLE "case_referrals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "needs" "ReferralNeed"[],
    "reason" TEXT NOT NULL,
    "status" "CaseReferralStatus" NOT NULL DEFAULT 'REFERRED',
    "referred_by_id" UUID NOT NULL,
    "referred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "case_referrals_pkey" PRIMARY KEY ("id"),
    -- An answer comes with its time, and only once the department has answered.
    CONSTRAINT "case_referrals_answered" CHECK (("status" = 'REFERRED') = ("answered_at" IS NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "case_referrals_case_id_department_id_key" ON "case_referrals"("case_id", "department_id");

-- CreateIndex
CREATE INDEX "case_referrals_department_id_referred_at_idx" ON "case_referrals"("department_id", "referred_at");

-- AddForeignKey
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "discrepancy_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_referred_by_id_fkey" FOREIGN KEY ("referred_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Case events recorded before this migration have no chain entry (the new event type cannot be used in the
-- transaction that adds it): one entry marks where the chain starts covering them, naming how many came before.
-- `hub audit verify` checks every case event dated after it.
INSERT INTO "audit_entries" ("request_id", "actor_kind", "actor_name", "agreement_ids", "operation", "items_disclosed",
                             "items_denied", "decision", "reason")
SELECT 'system-' || gen_random_uuid(), 'SYSTEM', 'hub', '{}', 'migrate 20261208010000_case_referrals_and_chained_case_events',
       '{}', '{}', 'ALLOWED', format('discrepancy case events are chained from here on; %s recorded before are not', count(*))
  FROM "discrepancy_case_events" HAVING count(*) > 0;
