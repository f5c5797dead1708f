import type pg from 'pg';

/** The tables that hold evidence: the hub's role may read and append to them, never change or remove a row. */
export const EVIDENCE_TABLES = ['audit_entries'] as const;

/**
 * Run as the owner role after migrations, on every start: the hub's runtime role may read and write the data, append
 * to the evidence tables only, and use the sequences. It owns no table but the partitioned record tables, because a
 * bulk delivery creates and attaches a snapshot's partition at run time (CREATE on the schema for that alone); it can
 * therefore never alter, disable a trigger on, or replace a function of anything the owner owns, the trail included.
 * The owner must be a member of the runtime role (GRANT runtime TO owner) to hand it those tables.
 */
export async function grantRuntimeRole(owner: pg.ClientBase, runtimeRole: string): Promise<void> {
  const role = owner.escapeIdentifier(runtimeRole);
  const evidence = EVIDENCE_TABLES.map((table) => owner.escapeIdentifier(table)).join(', ');
  await owner.query(`
    REVOKE ALL ON SCHEMA public FROM PUBLIC;
    GRANT USAGE, CREATE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES ON ALL TABLES IN SCHEMA public TO ${role};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${evidence} FROM ${role};
    REVOKE ALL ON "_prisma_migrations" FROM ${role};
    GRANT SELECT ON "_prisma_migrations" TO ${role};
    GRANT EXECUTE ON FUNCTION "audit_entries_ensure_coming_partitions"(INTEGER) TO ${role};`);
  // The trail's monthly partitions stay the owner's, and the hub's role has no right on them at all: it appends
  // through audit_entries, and may neither write to nor drop a month directly.
  const { rows: months } = await owner.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'audit_entries'::regclass`,
  );
  for (const { name } of months) await owner.query(`REVOKE ALL ON ${owner.escapeIdentifier(name)} FROM ${role}`);
  // The partitioned record tables and their snapshot partitions (made by the owner or an earlier runtime role).
  const { rows } = await owner.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> $1
        AND (c.relkind = 'p' OR c.relispartition)
        AND c.oid <> 'audit_entries'::regclass
        AND c.oid NOT IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'audit_entries'::regclass)`,
    [runtimeRole],
  );
  for (const { name } of rows) await owner.query(`ALTER TABLE ${owner.escapeIdentifier(name)} OWNER TO ${role}`);
}

/**
 * Run as a superuser on a database whose objects its bootstrap superuser made (an embedded database from before
 * the roles existed): hands the database, its schema and every object in it to `ownerRole`.
 */
export async function handDatabaseToOwner(superuser: pg.ClientBase, ownerRole: string): Promise<void> {
  const role = superuser.escapeIdentifier(ownerRole);
  await superuser.query(`ALTER SCHEMA public OWNER TO ${role}`);
  await superuser.query(`
    DO $$ DECLARE o RECORD; BEGIN
      FOR o IN SELECT format('ALTER %s %s OWNER TO ${role.replaceAll("'", "''")}',
                 CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                   ELSE 'TABLE' END, c.oid::regclass) AS sql
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                  AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND NOT (c.relkind = 'S' AND EXISTS (
                    SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
      UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO ${role.replaceAll("'", "''")}', p.oid::regprocedure)
                 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT format('ALTER TYPE %s OWNER TO ${role.replaceAll("'", "''")}', t.oid::regtype)
                 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typtype = 'e'
                  AND t.typowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      LOOP EXECUTE o.sql; END LOOP;
    END $$`);
}

/** Creates a login role with no special rights, or sets its password. */
export async function ensureLoginRole(superuser: pg.ClientBase, name: string, password: string): Promise<void> {
  const role = superuser.escapeIdentifier(name);
  const literal = superuser.escapeLiteral(password);
  const { rowCount } = await superuser.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  await superuser.query(
    rowCount
      ? `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal}`
      : `CREATE ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal}`,
  );
}
