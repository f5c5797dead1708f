-- The audit trail as evidence: times from the database, typed change events in the same chain.

-- A typed administrative change (agreement approved, standard changed, ...) rides in the chain as an entry whose
-- event names its type and whose change holds the typed payload: reason, old and new values.
CREATE TYPE "AuditEventType" AS ENUM (
  'AGREEMENT_CREATED', 'AGREEMENT_SUBMITTED', 'AGREEMENT_APPROVED', 'AGREEMENT_RETURNED', 'AGREEMENT_SUSPENDED',
  'AGREEMENT_REVOKED', 'STANDARD_CHANGED', 'USER_CREATED', 'USER_DISABLED', 'USER_ROLE_CHANGED',
  'API_CLIENT_CREATED', 'API_CLIENT_ROTATED', 'API_CLIENT_REVOKED', 'CONNECTOR_CONFIGURED', 'CONSENT_RECORDED',
  'CONSENT_WITHDRAWN', 'SNAPSHOT_SWITCHED'
);

ALTER TABLE "audit_entries" ADD COLUMN "event" "AuditEventType", ADD COLUMN "change" JSONB;

CREATE INDEX "audit_entries_event_occurred_at_idx" ON "audit_entries"("event", "occurred_at");
CREATE INDEX "audit_entries_request_id_idx" ON "audit_entries"("request_id");

-- Format 'audit-entry/1' for request entries is unchanged, so old entries still verify; an entry with an event is
-- serialised as 'audit-entry/2': the same elements, then event and change (jsonb's own text form). `hub audit
-- verify` recomputes both in Node (server/src/audit/canonical-audit-entry.ts) and trusts neither function.
CREATE OR REPLACE FUNCTION "audit_entry_canonical"(entry "audit_entries") RETURNS TEXT
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

-- The time of an entry is the database's, read under the chain lock: an application clock running fast or slow
-- cannot date evidence, and a chain whose latest entry is dated after now (a clock stepped back, or a forged
-- entry) refuses to grow until someone looks.
CREATE OR REPLACE FUNCTION "audit_entries_chain"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  latest RECORD;
BEGIN
  PERFORM pg_advisory_xact_lock(7316410201);
  NEW.occurred_at := clock_timestamp();
  SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries" ORDER BY sequence DESC LIMIT 1;
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
