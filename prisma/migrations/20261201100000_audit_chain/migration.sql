-- The audit trail: entries about households, an append-only table, and a hash chain kept by the database itself,
-- so the chain is correct whoever inserts (any number of hub instances, or a person with psql).

-- AlterTable
ALTER TABLE "audit_entries" ADD COLUMN "subject_household_id" UUID;

-- CreateIndex
CREATE INDEX "audit_entries_subject_household_id_occurred_at_idx" ON "audit_entries"("subject_household_id", "occurred_at");

-- The canonical serialisation of an entry, the one definition that writing and verification share: a JSON array
-- (PostgreSQL's jsonb text form: ", " between elements, strings JSON-escaped, SQL NULL as null) of, in this order,
-- the format tag 'audit-entry/1', sequence (as text), id, occurred_at (UTC, YYYY-MM-DDTHH:MI:SS.ffffffZ),
-- request_id, actor_kind, user_id, api_client_id, actor_name, department_id, purpose, agreement_ids,
-- subject_person_id, subject_household_id, operation, items_disclosed, items_denied, decision, reason,
-- client_address, previous_hash. Change it only with a new format tag: old entries must still verify.
CREATE FUNCTION "audit_entry_canonical"(entry "audit_entries") RETURNS TEXT
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT jsonb_build_array(
    'audit-entry/1',
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
  )::text
$$;

-- entry_hash: SHA-256, in lowercase hex, of the canonical serialisation's UTF-8 bytes.
CREATE FUNCTION "audit_entry_hash"(entry "audit_entries") RETURNS CHAR(64)
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to("audit_entry_canonical"(entry), 'UTF8')), 'hex')
$$;

-- Links each new entry to the latest one. The transaction-scoped advisory lock (a fixed key) makes every writer on
-- every instance take its turn until it commits, and the sequence is assigned inside that turn, so sequence order
-- and chain order are the same and sequences have no gaps: a missing number is a deleted entry.
CREATE FUNCTION "audit_entries_chain"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  latest RECORD;
BEGIN
  PERFORM pg_advisory_xact_lock(7316410201);
  SELECT sequence, entry_hash INTO latest FROM "audit_entries" ORDER BY sequence DESC LIMIT 1;
  IF FOUND THEN
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

CREATE TRIGGER "audit_entries_chain" BEFORE INSERT ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "audit_entries_chain"();

-- Evidence is never edited or removed; statement-level, so even a statement that matches no row is refused.
CREATE FUNCTION "audit_entries_refuse_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit entries are evidence; record a correction as a new entry instead';
END
$$;

CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_refuse_change"();

-- ALWAYS: the triggers fire under session_replication_role = replica too; only ALTER TABLE ... DISABLE TRIGGER
-- (by the table's owner or a superuser, and visible in the chain's verification) gets past them.
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_chain";
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_append_only";
