import type pg from 'pg';

// Maintaining a b-tree row by row (random UUID keys, three indexes per table) and checking every foreign key
// row by row cost more than the COPY itself. Into an empty database it is much cheaper to load bare tables
// and then build each index with one sort and check each foreign key with one join. The definitions are read
// from the catalogue and put back verbatim, inside the seed's transaction, so the schema after commit is exactly
// the migrated one, and a failed seed rolls the drops back with everything else. On a table partitioned by
// snapshot (migration 20261201700000) the parent's keys and indexes are dropped and rebuilt for every partition;
// the partitions' own copies of a foreign key (conparentid <> 0) go and come back with the parent's.

interface Definition {
  table: string;
  name: string;
  definition: string;
}

export interface SuspendedIndexes {
  /** Rebuilds what was dropped; `onStep` hears each statement's name and milliseconds. */
  restore(onStep?: (name: string, milliseconds: number) => void): Promise<void>;
}

export async function suspendIndexes(client: pg.Client, tables: readonly string[]): Promise<SuspendedIndexes> {
  const constraints = await client.query<Definition & { type: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition, contype AS type
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f') AND conparentid = 0
        AND (conrelid::regclass::text = ANY($1) OR (contype = 'f' AND confrelid::regclass::text = ANY($1)))
      ORDER BY contype = 'f', conname`,
    [tables],
  );
  const indexes = await client.query<Definition>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
      ORDER BY 2`,
    [tables],
  );
  const foreignKeys = constraints.rows.filter((row) => row.type === 'f');
  const keys = constraints.rows.filter((row) => row.type !== 'f');
  // Foreign keys first: a key cannot be dropped while a foreign key depends on its index.
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  for (const key of keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);

  return {
    async restore(onStep) {
      const timed = async (name: string, sql: string) => {
        const started = performance.now();
        await client.query(sql);
        onStep?.(name, performance.now() - started);
      };
      for (const key of keys)
        await timed(key.name, `ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.definition}`);
      // A partitioned table's index reads `ON ONLY`, which would build it for the parent alone.
      for (const index of indexes.rows) await timed(index.name, index.definition.replace(' ON ONLY ', ' ON '));
      for (const fk of foreignKeys)
        await timed(fk.name, `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
    },
  };
}
