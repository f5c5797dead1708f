-- Bulk delivery of dataset snapshots: why a delivery was refused or failed, each rejected row of it, the agreed
-- refresh interval per dataset, and the row checks the import runs set-based over a whole staged file.

-- AlterTable
ALTER TABLE "dataset_snapshots" ADD COLUMN "status_reason" TEXT;

-- CreateTable
CREATE TABLE "dataset_snapshot_rejects" (
    "snapshot_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "column_name" TEXT NOT NULL,
    "value" TEXT,

    CONSTRAINT "dataset_snapshot_rejects_pkey" PRIMARY KEY ("snapshot_id","line","column_name")
);

-- CreateTable
CREATE TABLE "dataset_refresh_intervals" (
    "dataset" "Dataset" NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "dataset_refresh_intervals_pkey" PRIMARY KEY ("dataset")
);

-- CreateIndex
CREATE INDEX "dataset_snapshots_department_id_dataset_content_hash_idx" ON "dataset_snapshots"("department_id", "dataset", "content_hash");

-- AddForeignKey
ALTER TABLE "dataset_snapshot_rejects" ADD CONSTRAINT "dataset_snapshot_rejects_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "dataset_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A calendar date written YYYY-MM-DD, years 1900 to 2099. Plain SQL (no exception handler) so that the planner
-- inlines it and a million rows are checked in one pass; pg_input_is_valid would need PostgreSQL 16.
CREATE FUNCTION hub_is_iso_date(value TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value !~ '^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$' THEN false
    ELSE substr(value, 9, 2)::int <= extract(day FROM
      make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, 1) + interval '1 month' - interval '1 day')
  END
$$;

-- GB 11643, as prisma/src/identity/citizen-id-number.ts checks it one number at a time: null for a valid
-- identity number, else FORMAT, BIRTH_DATE or CHECK_CHARACTER (ISO 7064 MOD 11-2 over the first 17 digits).
CREATE FUNCTION hub_citizen_id_problem(id_number TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN id_number !~ '^\d{17}[\dX]$' THEN 'FORMAT'
    WHEN NOT hub_is_iso_date(substr(id_number, 7, 4) || '-' || substr(id_number, 11, 2) || '-' || substr(id_number, 13, 2))
      THEN 'BIRTH_DATE'
    WHEN substr('10X98765432', (substr(id_number, 1, 1)::int * 7 + substr(id_number, 2, 1)::int * 9 + substr(id_number, 3, 1)::int * 10 + substr(id_number, 4, 1)::int * 5 + substr(id_number, 5, 1)::int * 8 + substr(id_number, 6, 1)::int * 4 + substr(id_number, 7, 1)::int * 2 + substr(id_number, 8, 1)::int * 1 + substr(id_number, 9, 1)::int * 6 + substr(id_number, 10, 1)::int * 3 + substr(id_number, 11, 1)::int * 7 + substr(id_number, 12, 1)::int * 9 + substr(id_number, 13, 1)::int * 10 + substr(id_number, 14, 1)::int * 5 + substr(id_number, 15, 1)::int * 8 + substr(id_number, 16, 1)::int * 4 + substr(id_number, 17, 1)::int * 2) % 11 + 1, 1) <> substr(id_number, 18, 1)
      THEN 'CHECK_CHARACTER'
  END
$$;

-- 640102********123X: what a rejects report may keep of an identity number, well formed or not.
CREATE FUNCTION hub_mask_id_number(id_number TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN length(id_number) >= 10 THEN left(id_number, 6) || repeat('*', length(id_number) - 10) || right(id_number, 4)
    ELSE repeat('*', length(id_number))
  END
$$;
