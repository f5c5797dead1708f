-- Retention of dataset snapshots: a superseded delivery beyond the ones kept, or a live answer past its days, loses
-- its records and becomes PURGED (its description stays: department, dataset, as-of date, counts, content hash),
-- and the purge is recorded as a typed SNAPSHOT_PURGED event.
ALTER TYPE "SnapshotStatus" ADD VALUE 'PURGED';
ALTER TYPE "AuditEventType" ADD VALUE 'SNAPSHOT_PURGED';
ALTER TABLE "dataset_snapshots" ADD COLUMN "purged_at" TIMESTAMPTZ(3);
