-- The audit trail partitioned by month (China Standard Time), so that a month older than the retention period can be
-- exported to a signed archive file and dropped as a whole (`hub audit archive`, docs/audit.md "Retention").
--
-- PostgreSQL requires a partitioned table's primary key and unique constraints to contain the partition key: the
-- key is (sequence, occurred_at) where schema.prisma says @id on sequence, and id is unique with occurred_at.
-- The chain trigger still numbers entries without gaps (sequence is unique in practice: one writer at a time).

-- An archived month is a typed event in the chain itself, like every administrative change.
ALTER TYPE "AuditEventType" ADD VALUE 'AUDIT_MONTH_ARCHIVED';

ALTER TABLE "audit_entries" RENAME TO "audit_entries_unpartitioned";
ALTER TABLE "audit_entries_unpartitioned" RENAME CONSTRAINT "audit_entries_pkey" TO "audit_entries_unpartitioned_pkey";
ALTER INDEX "audit_entries_id_key" RENAME TO "audit_entries_unpartitioned_id_key";
ALTER INDEX "audit_entries_subject_person_id_occurred_at_idx" RENAME TO "audit_entries_unpartitioned_person_idx";
ALTER INDEX "audit_entries_subject_household_id_occurred_at_idx" RENAME TO "audit_entries_unpartitioned_household_idx";
ALTER INDEX "audit_entries_department_id_occurred_at_idx" RENAME TO "audit_entries_unpartitioned_department_idx";
ALTER INDEX "audit_entries_occurred_at_idx" RENAME TO "audit_entries_unpartitioned_occurred_at_idx";
ALTER INDEX "audit_entries_event_occurred_at_idx" RENAME TO "audit_entries_unpartitioned_event_idx";
ALTER INDEX "audit_entries_request_id_idx" RENAME TO "audit_entries_unpartitioned_request_id_idx";

CREATE TABLE "audit_entries" (LIKE "audit_entries_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("occurred_at");
ALTER SEQUENCE "audit_entries_sequence_seq" OWNED BY "audit_entries"."sequence";
-- The database's clock, read when the row is formed (after the statement took the chain lock, below), so that the
-- row is routed to the month the chain trigger then dates it in.
ALTER TABLE "audit_entries" ALTER COLUMN "occurred_at" SET DEFAULT clock_timestamp();
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("sequence", "occurred_at");
CREATE UNIQUE INDEX "audit_entries_id_occurred_at_key" ON "audit_entries"("id", "occurred_at");
CREATE INDEX "audit_entries_subject_person_id_occurred_at_idx" ON "audit_entries"("subject_person_id", "occurred_at");
CREATE INDEX "audit_entries_subject_household_id_occurred_at_idx" ON "audit_entries"("subject_household_id", "occurred_at");
CREATE INDEX "audit_entries_department_id_occurred_at_idx" ON "audit_entries"("department_id", "occurred_at");
CREATE INDEX "audit_entries_occurred_at_idx" ON "audit_entries"("occurred_at");
CREATE INDEX "audit_entries_event_occurred_at_idx" ON "audit_entries"("event", "occurred_at");
CREATE INDEX "audit_entries_request_id_idx" ON "audit_entries"("request_id");

-- The statement-level guard, on the parent and on every partition (statement triggers are not inherited).
CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_refuse_change"();
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_append_only";

-- The chain's lock before any row is formed: the rows' occurred_at defaults are then read under it.
CREATE FUNCTION "audit_entries_take_chain_lock"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7316410201);
  RETURN NULL;
END
$$;
CREATE TRIGGER "audit_entries_chain_lock" BEFORE INSERT ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_take_chain_lock"();
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_chain_lock";

-- One month's partition, named audit_entries_YYYYMM after its China Standard Time month, with the append-only guard
-- and the chain trigger firing ALWAYS. Owner-side only (the hub's role cannot create a partition of the trail).
CREATE FUNCTION "audit_entries_ensure_partition"(month DATE) RETURNS TEXT
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  first DATE := date_trunc('month', month)::date;
  name TEXT := 'audit_entries_' || to_char(first, 'YYYYMM');
BEGIN
  -- Two hubs starting at once create a month once.
  PERFORM pg_advisory_xact_lock(7316410202);
  IF to_regclass(format('public.%I', name)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "audit_entries" FOR VALUES FROM (%L) TO (%L)', name,
      to_char(first, 'YYYY-MM-DD') || ' 00:00:00+08', to_char(first + INTERVAL '1 month', 'YYYY-MM-DD') || ' 00:00:00+08');
    EXECUTE format('CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_refuse_change"()', name);
    EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER "audit_entries_append_only"', name);
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', name);
  END IF;
  RETURN name;
END
$$;

-- The China Standard Time month of the database's now and the next `ahead` months (at most 12). The hub's role may
-- call it (SECURITY DEFINER: it runs as the owner, and can only create the coming months' partitions); `hub start`
-- calls it at migrate time and daily after that.
CREATE FUNCTION "audit_entries_ensure_coming_partitions"(ahead INTEGER DEFAULT 3) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  this_month DATE := date_trunc('month', clock_timestamp() AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
  FOR n IN 0 .. least(greatest(ahead, 0), 12) LOOP
    PERFORM "audit_entries_ensure_partition"((this_month + make_interval(months => n))::date);
  END LOOP;
  RETURN least(greatest(ahead, 0), 12) + 1;
END
$$;
REVOKE ALL ON FUNCTION "audit_entries_ensure_partition"(DATE) FROM PUBLIC;
REVOKE ALL ON FUNCTION "audit_entries_ensure_coming_partitions"(INTEGER) FROM PUBLIC;

-- Every month the existing entries fall in, then this month and the next three.
DO $$
DECLARE
  m DATE;
BEGIN
  FOR m IN SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai')::date
             FROM "audit_entries_unpartitioned" LOOP
    PERFORM "audit_entries_ensure_partition"(m);
  END LOOP;
  PERFORM "audit_entries_ensure_coming_partitions"(3);
END
$$;

-- The entries as they are: no trigger on the new table yet, so nothing is renumbered, redated or rehashed.
INSERT INTO "audit_entries" SELECT * FROM "audit_entries_unpartitioned" ORDER BY "sequence";

-- The chain's functions take the table's row type: dropped with the old table, made again for the new one.
DROP TABLE "audit_entries_unpartitioned" CASCADE;

CREATE FUNCTION "audit_entry_canonical"(entry "audit_entries") RETURNS TEXT
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT (jsonb_build_array(
    CASE WHEN entry.event IS NULL THEN 'audit-entry/1' ELSE 'audit-entry/2' END,
    entry.sequence::text,
    entry.id::text,
    to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    entry.request_id,
    entry.actor_kind::text,
    entry.user_id::text,
    entry.api_client_id::text,
    entry.actor_name,
    entry.department_id::text,
    entry.purpose::text,
    to_jsonb(entry.agreement_ids),
    entry.subject_person_id::text,
    entry.subject_household_id::text,
    entry.operation,
    to_jsonb(entry.items_disclosed),
    to_jsonb(entry.items_denied),
    entry.decision::text,
    entry.reason,
    entry.client_address,
    entry.previous_hash
  ) || CASE WHEN entry.event IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(entry.event::text, entry.change) END)::text
$$;

CREATE FUNCTION "audit_entry_hash"(entry "audit_entries") RETURNS CHAR(64)
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to("audit_entry_canonical"(entry), 'UTF8')), 'hex')
$$;

-- Row-level: cloned onto every partition, present and future. After archives, the chain continues from the newest
-- remaining entry, whose predecessors live in the archive files.
CREATE TRIGGER "audit_entries_chain" BEFORE INSERT ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "audit_entries_chain"();
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_chain";

-- As in 20261205150000_audit_evidence, but the chain's head is looked for in this month's partitions first, which
-- the executor prunes to at its start (now() is stable), instead of in every month kept online; only the first entry
-- of a month looks further back. The head is the newest entry: time never goes back along the chain.
CREATE OR REPLACE FUNCTION "audit_entries_chain"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  latest RECORD;
BEGIN
  PERFORM pg_advisory_xact_lock(7316410201);
  NEW.occurred_at := clock_timestamp();
  SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries"
   WHERE occurred_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
   ORDER BY sequence DESC LIMIT 1;
  IF NOT FOUND THEN
    SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries" ORDER BY sequence DESC LIMIT 1;
  END IF;
  IF FOUND THEN
    IF NEW.occurred_at < latest.occurred_at THEN
      RAISE EXCEPTION 'audit entry would go back in time: % is before entry %''s %',
        NEW.occurred_at, latest.sequence, latest.occurred_at
        USING ERRCODE = 'check_violation';
    END IF;
    NEW.sequence := latest.sequence + 1;
    NEW.previous_hash := latest.entry_hash;
  ELSE
    NEW.sequence := 1;
    NEW.previous_hash := repeat('0', 64);
  END IF;
  NEW.entry_hash := "audit_entry_hash"(NEW);
  RETURN NEW;
END
$$;
