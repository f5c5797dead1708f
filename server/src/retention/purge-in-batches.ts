import type pg from 'pg';

/**
 * Purges rows batch by batch, each batch one transaction: `select` takes a batch FOR UPDATE SKIP LOCKED (so processes
 * purging at the same time take other rows), `purge` deletes one row and records its event in that transaction.
 * Ends when a batch comes back empty; returns what `purge` returned for every row.
 */
export async function purgeInBatches<Row extends pg.QueryResultRow, Purged>(
  pool: pg.Pool,
  select: { sql: string; params: unknown[] },
  purge: (client: pg.ClientBase, row: Row) => Promise<Purged>,
): Promise<Purged[]> {
  const purged: Purged[] = [];
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Row>(select.sql, select.params);
      for (const row of rows) purged.push(await purge(client, row));
      await client.query('COMMIT');
      if (rows.length === 0) return purged;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
