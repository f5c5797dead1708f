-- Issue 14, points 1 and 2.
--
-- Regions come from an administrative-division table (统计用区划代码): each keeps its urban/rural classification code
-- (城乡分类代码, villages and neighbourhoods) and, once a newer table no longer lists it, the moment it was retired;
-- a retired region is never deleted, so no household, standard or run that names it is orphaned.
ALTER TABLE "regions" ADD COLUMN "urban_rural_code" CHAR(3);
ALTER TABLE "regions" ADD COLUMN "retired_at" TIMESTAMPTZ(3);

-- A property's share (共有份额) of its owner, in percent.
ALTER TABLE "property_records" ADD COLUMN "share_percent" DECIMAL(5,2) NOT NULL DEFAULT 100;

-- A staff-relative filing names the staff member as a person, not as one roster snapshot's record: the roster is
-- delivered again and again, each time with new record ids, while a filing stays valid across deliveries.
ALTER TABLE "staff_relative_filings" ADD COLUMN "staff_person_id" UUID;
UPDATE "staff_relative_filings" f SET "staff_person_id" = sm."person_id" FROM "staff_members" sm WHERE sm."id" = f."staff_member_id";
ALTER TABLE "staff_relative_filings" ALTER COLUMN "staff_person_id" SET NOT NULL;
ALTER TABLE "staff_relative_filings" DROP CONSTRAINT "staff_relative_filings_staff_member_id_fkey";
DROP INDEX "staff_relative_filings_staff_member_id_idx";
ALTER TABLE "staff_relative_filings" DROP COLUMN "staff_member_id";
CREATE INDEX "staff_relative_filings_staff_person_id_idx" ON "staff_relative_filings"("staff_person_id");
ALTER TABLE "staff_relative_filings" ADD CONSTRAINT "staff_relative_filings_staff_person_id_fkey" FOREIGN KEY ("staff_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every other person-level dataset is delivered in bulk now: its record table becomes LIST-partitioned by
-- snapshot_id as the first seven's did (migration 20261201700000), the table as it was becoming the DEFAULT
-- partition. Its indexes and foreign keys are read from the catalogue and declared again on the partitioned table.
DO $$
DECLARE
  t text;
  r record;
  index_definitions text[];
  foreign_keys text[][];
  definition text;
BEGIN
  FOREACH t IN ARRAY ARRAY['property_records', 'housing_fund_accounts', 'business_registrations', 'cremation_records',
                           'marriage_registrations', 'disability_certificates', 'staff_members',
                           'staff_relative_filings'] LOOP
    SELECT coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') INTO index_definitions
      FROM pg_index i WHERE i.indrelid = t::regclass AND NOT i.indisprimary;
    foreign_keys := '{}';
    FOR r IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = t::regclass AND contype = 'f' LOOP
      foreign_keys := foreign_keys || ARRAY[[r.conname::text, r.def]];
    END LOOP;

    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_default');
    FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = (t || '_default')::regclass AND contype = 'f' LOOP
      EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', t || '_default', r.conname,
                     t || '_default' || substr(r.conname, length(t) + 1));
    END LOOP;
    FOR r IN SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE i.indrelid = (t || '_default')::regclass AND NOT i.indisprimary LOOP
      EXECUTE format('ALTER INDEX %I RENAME TO %I', r.relname, t || '_default' || substr(r.relname, length(t) + 1));
    END LOOP;
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t || '_default', t || '_pkey');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, snapshot_id)', t || '_default', t || '_default_pkey');

    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY LIST (snapshot_id)', t, t || '_default');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, snapshot_id)', t, t || '_pkey');
    FOREACH definition IN ARRAY index_definitions LOOP
      EXECUTE definition;
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(foreign_keys, 1), 0) LOOP
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', t, foreign_keys[i][1], foreign_keys[i][2]);
    END LOOP;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', t, t || '_default');
  END LOOP;
END
$$;

-- What is wrong with a unified social credit code (统一社会信用代码, GB 32100-2015), or null: 'FORMAT' (18 characters
-- of 0-9 and the capitals but I, O, S, V, Z; digits 3 to 8 a region code) or 'CHECK_CHARACTER' (the 18th is
-- 31 − Σ value × 3^(i−1) mod 31, mod 31).
CREATE FUNCTION hub_credit_code_problem(code TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN code !~ '^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' THEN 'FORMAT'
    WHEN substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (31 - (
      SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i::int, 1)) - 1) * w)::int % 31
        FROM unnest(ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]) WITH ORDINALITY AS weights(w, i)
    )) % 31 + 1, 1) <> substr(code, 18, 1) THEN 'CHECK_CHARACTER'
  END
$$;
