import type pg from 'pg';

// A bulk snapshot's records go into a table of their own, filled while it is bare, then given the record table's
// keys, indexes and foreign keys (one sort or one join each, rather than maintaining them row by row), and only then
// attached as the partition for its snapshot id. Everything runs in the switch's transaction: a refused or failed
// delivery never creates the table, and one that breaks off halfway leaves nothing behind.

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
  // The CHECK lets ATTACH see from the catalogue that every row belongs to the partition, without scanning them.
  await client.query(
    `CREATE TABLE ${partition} (LIKE "${input.table}" INCLUDING DEFAULTS, CHECK (snapshot_id = ${snapshotId}))`,
  );
  const inserted = await client.query(
    `INSERT INTO ${partition} (${input.columns.map((name) => `"${name}"`).join(', ')}) ${input.selectSql}`,
    input.params,
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
  return { records: inserted.rowCount ?? 0, steps: { fill, index, check, attach: lap() } };
}
