-- Every hub instance keeps the holders of the access tokens it has seen in memory (server/src/identity/
-- token-holder-cache.ts), so that a partner's request does not look its token up again. They must learn at once of
-- anything that changes what a token stands for: a token revoked, shortened or deleted, a client revoked, moved to
-- another department or deleted. The database announces each such change on hub_token_holders_changed, delivered when
-- its transaction commits, whoever makes it: the hub's own mutations, a purge, or an operator's SQL.
CREATE FUNCTION "notify_token_holders_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hub_token_holders_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- New tokens and clients need no announcement: no instance holds them yet.
CREATE TRIGGER "access_tokens_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "access_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_token_holders_changed"();

-- A client's last_used_at moves once a minute while it is in use and changes nothing a token stands for.
CREATE TRIGGER "api_clients_changed" AFTER UPDATE ON "api_clients"
  FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.client_id IS DISTINCT FROM NEW.client_id
        OR OLD.department_id IS DISTINCT FROM NEW.department_id OR OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
  EXECUTE FUNCTION "notify_token_holders_changed"();
CREATE TRIGGER "api_clients_removed" AFTER DELETE OR TRUNCATE ON "api_clients"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_token_holders_changed"();

-- Also under session_replication_role = replica (a restore): a cache must never outlive a change it did not hear of.
ALTER TABLE "access_tokens" ENABLE ALWAYS TRIGGER "access_tokens_changed";
ALTER TABLE "api_clients" ENABLE ALWAYS TRIGGER "api_clients_changed";
ALTER TABLE "api_clients" ENABLE ALWAYS TRIGGER "api_clients_removed";
