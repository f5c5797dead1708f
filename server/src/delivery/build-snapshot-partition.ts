import type pg from 'pg';

// A bulk snapshot's records go into a table of their own, made by CREATE TABLE AS (which PostgreSQL may plan in
// parallel, unlike INSERT … SELECT), then given the record table's NOT NULLs, keys, indexes and foreign keys (one
// scan, sort or join each, rather than maintaining them row by row), and only then attached as the partition for
// its snapshot id. Everything runs in the switch's transaction: a refused or failed delivery never creates the
// table, and one that breaks off halfway leaves nothing behind.

interface Definition {
  kind: 'CONSTRAINT' | 'INDEX';
  definition: string;
  foreignKey: boolean;
}

/** Milliseconds: rows copied in, keys and indexes built (with ANALYZE), foreign keys checked, attached. */
export interface PartitionSteps {
  fill: number;
  index: number;
  check: number;
  attach: number;
}

/** The partition of one snapshot: the record table's name and the snapshot id, within PostgreSQL's 63 bytes. */
export function snapshotPartitionName(table: string, snapshotId: string): string {
  return `${table}_${snapshotId.replaceAll('-', '')}`;
}

// What the partitioned table declares, so that ATTACH finds every index and foreign key already there and only
// checks the catalogue: primary and unique keys and foreign keys as constraints, other indexes as indexes.
async function recordTableDefinitions(client: pg.ClientBase, table: string): Promise<Definition[]> {
  // Foreign keys last: checking one locks the referenced table against writes until the commit.
  const { rows } = await client.query<Definition>(
    `SELECT kind, definition, step = 2 AS "foreignKey" FROM (
       SELECT 'CONSTRAINT' AS kind, pg_get_constraintdef(oid) AS definition, CASE contype WHEN 'f' THEN 2 ELSE 0 END AS step
         FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'f')
       UNION ALL
       SELECT 'INDEX', pg_get_indexdef(i.indexrelid), 1
         FROM pg_index i
        WHERE i.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
     ) definitions ORDER BY step, definition`,
    [table],
  );
  return rows;
}

interface RecordColumn {
  name: string;
  /** The type as SQL, typmod and collation included, so that the new table's column matches the record table's. */
  type: string;
  notNull: boolean;
  default: string | null;
}

async function recordTableColumns(client: pg.ClientBase, table: string): Promise<RecordColumn[]> {
  const { rows } = await client.query<RecordColumn>(
    `SELECT a.attname AS name,
            format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attcollation <> t.typcollation THEN ' COLLATE ' || quote_ident(c.collname) ELSE '' END
              AS type,
            a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_collation c ON c.oid = a.attcollation
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [table],
  );
  return rows;
}

/** `$n` placeholders as literals: CREATE TABLE AS, a utility statement, takes no parameters. */
function withLiterals(client: pg.ClientBase, sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)\b/g, (placeholder, n: string) => {
    const value = params[Number(n) - 1];
    if (value === undefined) throw new Error(`no value for ${placeholder}`);
    return client.escapeLiteral(String(value));
  });
}

/**
 * Fills and attaches the partition of `snapshotId` with the rows `selectSql` yields (in `columns` order), inside the
 * caller's transaction; returns the number of records and the milliseconds of each step. Readers of the record table
 * see the rows from the commit on, all at once, and never a partial load.
 */
export async function buildSnapshotPartition(
  client: pg.ClientBase,
  input: { table: string; snapshotId: string; columns: readonly string[]; selectSql: string; params: unknown[] },
): Promise<{ records: number; steps: PartitionSteps }> {
  let started = performance.now();
  const lap = () => {
    const milliseconds = performance.now() - started;
    started = performance.now();
    return milliseconds;
  };
  const partition = `"${snapshotPartitionName(input.table, input.snapshotId)}"`;
  const snapshotId = client.escapeLiteral(input.snapshotId);
  // Every column of the record table, in its order and of its exact type: a selected value, else its default.
  const columns = await recordTableColumns(client, input.table);
  const values = columns.map((column) => {
    if (input.columns.includes(column.name)) return `v."${column.name}"::${column.type}`;
    return `(${column.default ?? 'NULL'})::${column.type}`;
  });
  const filled = await client.query(
    `CREATE TABLE ${partition} (${columns.map((column) => `"${column.name}"`).join(', ')}) AS
       SELECT ${values.join(', ')}
         FROM (${withLiterals(client, input.selectSql, input.params)}) AS v(${input.columns.map((name) => `"${name}"`).join(', ')})`,
  );
  // One scan checks every NOT NULL and the CHECK that lets ATTACH see from the catalogue that every row belongs to
  // the partition; the defaults are the record table's, so that the partition reads as LIKE … INCLUDING DEFAULTS.
  await client.query(
    `ALTER TABLE ${partition} ${[
      ...columns.filter((column) => column.notNull).map((column) => `ALTER COLUMN "${column.name}" SET NOT NULL`),
      ...columns
        .filter((column) => column.default !== null)
        .map((column) => `ALTER COLUMN "${column.name}" SET DEFAULT ${column.default}`),
      `ADD CHECK (snapshot_id = ${snapshotId})`,
    ].join(', ')}`,
  );
  const fill = lap();
  await client.query(`ANALYZE ${partition}`);
  const definitions = await recordTableDefinitions(client, input.table);
  for (const { kind, definition } of definitions.filter((entry) => !entry.foreignKey)) {
    await client.query(
      kind === 'CONSTRAINT'
        ? `ALTER TABLE ${partition} ADD ${definition}`
        : definition.replace(/^(CREATE (?:UNIQUE )?INDEX) \S+ ON (?:ONLY )?\S+/, `$1 ON ${partition}`),
    );
  }
  const index = lap();
  // The foreign key is checked although the fill found every row's person by the same join: adding it NOT VALID
  // saves nothing, since ATTACH validates a partition's NOT VALID key against the record table's valid one (tried on
  // PostgreSQL 18: the attach fails on a row with no person), and PostgreSQL has no way to declare a key valid
  // unchecked. Nor would the fill's join prove it alone: under READ COMMITTED a person deleted by a transaction that
  // commits after the fill's snapshot would leave a record pointing nowhere, while ADD FOREIGN KEY first locks
  // persons against deletion until the commit, then checks the rows against every committed deletion.
  for (const { definition } of definitions.filter((entry) => entry.foreignKey)) {
    await client.query(`ALTER TABLE ${partition} ADD ${definition}`);
  }
  const check = lap();
  await client.query(`ALTER TABLE "${input.table}" ATTACH PARTITION ${partition} FOR VALUES IN (${snapshotId})`);
  return { records: filled.rowCount ?? 0, steps: { fill, index, check, attach: lap() } };
}
