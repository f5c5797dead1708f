-- Live connectors: how the hub calls a department's HTTP API, the live answers it stores as snapshots that are
-- never CURRENT (status ANSWERED), whom each answer spoke for, and which data each household assessment used.

-- AlterEnum
ALTER TYPE "SnapshotStatus" ADD VALUE 'ANSWERED';

-- CreateEnum
CREATE TYPE "LiveAnswerOutcome" AS ENUM ('FOUND', 'NOT_FOUND', 'UNANSWERED');

-- AlterTable
ALTER TABLE "dataset_snapshots" ADD COLUMN "request_id" TEXT;

-- AlterTable
ALTER TABLE "household_assessments" ADD COLUMN "data_sources" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "department_connectors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "department_id" UUID NOT NULL,
    "datasets" "Dataset"[],
    "base_url" TEXT NOT NULL,
    "credential_ciphertext" TEXT NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "timeout_ms" INTEGER NOT NULL,
    "retries" INTEGER NOT NULL,
    "backoff_ms" INTEGER NOT NULL,
    "max_backoff_ms" INTEGER NOT NULL,
    "circuit_error_percentage" INTEGER NOT NULL,
    "circuit_minimum_batches" INTEGER NOT NULL,
    "circuit_reset_ms" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_success_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_connectors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_snapshot_persons" (
    "snapshot_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "outcome" "LiveAnswerOutcome" NOT NULL,
    "failure" TEXT,

    CONSTRAINT "live_snapshot_persons_pkey" PRIMARY KEY ("snapshot_id","person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "department_connectors_department_id_key" ON "department_connectors"("department_id");

-- AddForeignKey
ALTER TABLE "department_connectors" ADD CONSTRAINT "department_connectors_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_snapshot_persons" ADD CONSTRAINT "live_snapshot_persons_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "dataset_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_snapshot_persons" ADD CONSTRAINT "live_snapshot_persons_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
