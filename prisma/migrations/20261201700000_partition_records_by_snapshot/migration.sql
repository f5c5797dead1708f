-- The record tables of the datasets delivered in bulk become LIST-partitioned by snapshot_id, so that a delivery's
-- switch attaches a table it has already filled, indexed and checked, instead of inserting a million rows into a
-- big indexed table row by row. Each accepted bulk snapshot is one partition (server/src/delivery/
-- build-snapshot-partition.ts); every other snapshot's records (SEED, LIVE) land in the DEFAULT partition, which
-- is the table as it was, with its rows.
--
-- PostgreSQL requires a partitioned table's primary key to contain the partition key: the key is (id, snapshot_id),
-- where schema.prisma says @id on id (ids are still gen_random_uuid(), unique in practice); the schema-drift test
-- accepts exactly that difference, for exactly these tables.

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['bank_deposits', 'vehicle_records', 'hukou_records', 'employment_records',
                           'pension_records', 'unemployment_benefit_records', 'wealth_products'] LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_default');
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', t || '_default', t || '_person_id_fkey', t || '_default_person_id_fkey');
    EXECUTE format('ALTER INDEX %I RENAME TO %I', t || '_person_id_idx', t || '_default_person_id_idx');
    EXECUTE format('ALTER INDEX %I RENAME TO %I', t || '_snapshot_id_idx', t || '_default_snapshot_id_idx');
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t || '_default', t || '_pkey');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, snapshot_id)', t || '_default', t || '_default_pkey');

    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY LIST (snapshot_id)', t, t || '_default');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, snapshot_id)', t, t || '_pkey');
    EXECUTE format('CREATE INDEX %I ON %I (person_id)', t || '_person_id_idx', t);
    EXECUTE format('CREATE INDEX %I ON %I (snapshot_id)', t || '_snapshot_id_idx', t);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (person_id) REFERENCES persons(id) '
                   'ON DELETE RESTRICT ON UPDATE CASCADE', t, t || '_person_id_fkey');
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', t, t || '_default');
  END LOOP;
END
$$;

