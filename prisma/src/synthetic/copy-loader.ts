import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { RowBatch } from './population-stream.ts';
import { GENERATED_TABLES, type GeneratedTable, TABLE_COLUMNS } from './table-columns.ts';

// Streams each chunk into PostgreSQL with COPY ... FROM STDIN, table after table in dependency order on the one
// connection (and so in the seed's one transaction). While a chunk is on its way, the caller generates the next.

export interface TableLoad {
  rows: number;
  /** Wall-clock milliseconds this table's COPY statements were open. */
  milliseconds: number;
}

export class CopyLoader {
  readonly loads = new Map<GeneratedTable, TableLoad>(
    GENERATED_TABLES.map((table) => [table, { rows: 0, milliseconds: 0 }]),
  );

  constructor(
    private readonly client: pg.Client,
    private readonly onProgress?: (progress: { table: string; rows: number }) => void,
  ) {}

  async load(chunk: RowBatch): Promise<void> {
    for (const table of GENERATED_TABLES) {
      const rows = chunk.count(table);
      if (rows === 0) continue;
      const started = performance.now();
      const copy = this.client.query(copyFrom(`COPY ${table} (${TABLE_COLUMNS[table].join(', ')}) FROM STDIN`));
      await pipeline(Readable.from(chunk.buffers(table)), copy);
      const load = this.loads.get(table) as TableLoad;
      load.rows += rows;
      load.milliseconds += performance.now() - started;
      this.onProgress?.({ table, rows: load.rows });
    }
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.loads].map(([table, load]) => [table, load.rows]));
  }
}
