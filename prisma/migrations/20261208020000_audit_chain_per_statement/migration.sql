-- The chain's head is looked up once per INSERT statement instead of once per row (issue 18: the hub's group commit
-- inserts a batch of entries with one statement, and each row's head lookup across the month partitions was about
-- half of the chain trigger's time). The chain's meaning is unchanged: every entry is numbered, dated and hashed as
-- before (audit_entry_hash over audit_entry_canonical), in the order the rows are formed, under the same lock.
--
-- How: the statement trigger, which already takes the chain's lock before any row is formed, also reads the head and
-- keeps it for the rest of the transaction in the setting hub.audit_chain_head (set_config(..., true): reset at the
-- transaction's end, and rolled back with a savepoint). Each row trigger links to that head and moves it on to the
-- row it has just hashed. The lock is held until commit, so only this transaction's own rows, each through the row
-- trigger, can move the head meanwhile. A row trigger that finds no head kept (an owner's insert straight into a
-- month's partition, where the parent's statement triggers do not fire) looks it up under the lock as before.
--
-- Any role can set a setting, and an expression in the inserted rows runs between row triggers; so a statement
-- trigger after the insert checks that the statement's rows continue the chain (see audit_entries_check_statement).

-- The head as "sequence,occurred_at in microseconds since 1970,entry_hash"; microseconds so that no DateStyle or
-- TimeZone in between can change the time read back.
CREATE FUNCTION "audit_entries_keep_head"(head_sequence BIGINT, head_time TIMESTAMPTZ, head_hash TEXT) RETURNS VOID
LANGUAGE sql VOLATILE AS $$
  SELECT set_config('hub.audit_chain_head',
    head_sequence::text || ',' || (extract(epoch FROM head_time) * 1000000)::bigint::text || ',' || head_hash, true)
$$;

-- Under the chain's lock, before any row is formed (the rows' occurred_at defaults are then read under it): the head
-- is the newest entry, looked for in this month's partitions first as the row trigger of 20261206120000 did.
CREATE OR REPLACE FUNCTION "audit_entries_take_chain_lock"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  latest RECORD;
BEGIN
  PERFORM pg_advisory_xact_lock(7316410201);
  SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries"
   WHERE occurred_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
   ORDER BY sequence DESC LIMIT 1;
  IF NOT FOUND THEN
    SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries" ORDER BY sequence DESC LIMIT 1;
  END IF;
  IF FOUND THEN
    PERFORM "audit_entries_keep_head"(latest.sequence, latest.occurred_at, latest.entry_hash);
  ELSE
    PERFORM set_config('hub.audit_chain_head', 'empty', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "audit_entries_chain"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  kept TEXT := current_setting('hub.audit_chain_head', true);
  latest_sequence BIGINT;
  latest_micros BIGINT;
  latest_hash TEXT;
  latest RECORD;
BEGIN
  NEW.occurred_at := clock_timestamp();
  IF kept IS NULL OR kept = '' THEN
    PERFORM pg_advisory_xact_lock(7316410201);
    SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries"
     WHERE occurred_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
     ORDER BY sequence DESC LIMIT 1;
    IF NOT FOUND THEN
      SELECT sequence, entry_hash, occurred_at INTO latest FROM "audit_entries" ORDER BY sequence DESC LIMIT 1;
    END IF;
    IF FOUND THEN
      kept := latest.sequence || ',' || (extract(epoch FROM latest.occurred_at) * 1000000)::bigint || ','
        || latest.entry_hash;
    ELSE
      kept := 'empty';
    END IF;
  END IF;
  IF kept = 'empty' THEN
    NEW.sequence := 1;
    NEW.previous_hash := repeat('0', 64);
  ELSE
    latest_sequence := split_part(kept, ',', 1)::bigint;
    latest_micros := split_part(kept, ',', 2)::bigint;
    latest_hash := split_part(kept, ',', 3);
    IF (extract(epoch FROM NEW.occurred_at) * 1000000)::bigint < latest_micros THEN
      RAISE EXCEPTION 'audit entry would go back in time: % is before entry %''s %',
        NEW.occurred_at, latest_sequence, to_timestamp(latest_micros / 1000000.0)
        USING ERRCODE = 'check_violation';
    END IF;
    NEW.sequence := latest_sequence + 1;
    NEW.previous_hash := latest_hash;
  END IF;
  NEW.entry_hash := "audit_entry_hash"(NEW);
  PERFORM "audit_entries_keep_head"(NEW.sequence, NEW.occurred_at, NEW.entry_hash);
  RETURN NEW;
END
$$;

-- After each INSERT statement, on the statement's own rows (a transition table) and two index look-ups: the first
-- row follows on from the entry numbered just before it, each later row from the row before it (sequence + 1, its
-- hash, a time not before it), no other entry shares the rows' sequences, and the last row is the newest entry. Only
-- a head set by hand between two row triggers could fail it; the statement is then refused as a whole.
CREATE FUNCTION "audit_entries_check_statement"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  added_rows RECORD;
  predecessor RECORD;
BEGIN
  SELECT min(sequence) AS first_sequence, max(sequence) AS last_sequence, count(*) AS entries,
         count(*) FILTER (WHERE prior_sequence IS NOT NULL
                            AND (sequence <> prior_sequence + 1 OR previous_hash <> prior_hash OR occurred_at < prior_time))
           AS breaks,
         min(previous_hash) FILTER (WHERE prior_sequence IS NULL) AS first_previous_hash,
         min(occurred_at) FILTER (WHERE prior_sequence IS NULL) AS first_time
    INTO added_rows
    FROM (SELECT sequence, previous_hash, occurred_at,
                 lag(sequence) OVER (ORDER BY sequence) AS prior_sequence,
                 lag(entry_hash) OVER (ORDER BY sequence) AS prior_hash,
                 lag(occurred_at) OVER (ORDER BY sequence) AS prior_time
            FROM added) linked;
  IF added_rows.entries = 0 THEN
    RETURN NULL;
  END IF;
  -- A bounded range of the key's first column, so that any plan cached for the function scans the indexes.
  SELECT count(*) FILTER (WHERE sequence >= added_rows.first_sequence) AS entries,
         count(*) FILTER (WHERE sequence < added_rows.first_sequence) AS found,
         max(entry_hash) FILTER (WHERE sequence < added_rows.first_sequence) AS entry_hash,
         max(occurred_at) FILTER (WHERE sequence < added_rows.first_sequence) AS occurred_at,
         (SELECT max(sequence) FROM "audit_entries") AS newest
    INTO predecessor
    FROM "audit_entries" WHERE sequence BETWEEN added_rows.first_sequence - 1 AND added_rows.last_sequence;
  -- Only the first entry of a chain has no entry before it (archiving leaves the newest months in place).
  IF added_rows.breaks > 0 OR predecessor.entries <> added_rows.entries OR predecessor.newest <> added_rows.last_sequence
     OR (predecessor.found = 0
         AND (added_rows.first_sequence <> 1 OR added_rows.first_previous_hash <> repeat('0', 64)))
     OR (predecessor.found > 0
         AND (added_rows.first_previous_hash <> predecessor.entry_hash OR added_rows.first_time < predecessor.occurred_at))
  THEN
    RAISE EXCEPTION 'the % audit entries from sequence % do not continue the chain', added_rows.entries,
      added_rows.first_sequence
      USING ERRCODE = 'check_violation',
            HINT = 'the chain head kept in hub.audit_chain_head was changed during the insert';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "audit_entries_chain_check" AFTER INSERT ON "audit_entries"
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_check_statement"();
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_chain_check";
