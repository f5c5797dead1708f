import { GENERATED_TABLES, type GeneratedTable } from './table-columns.ts';

// Rows are built straight as COPY text lines, with no row objects in between, and every ~32 KB of lines is
// encoded to UTF-8 at once: the line strings then die young, where the garbage collector reclaims them almost
// for free, instead of living as millions of small strings until a whole chunk is loaded.

const FLUSH_CHARACTERS = 32_768;

class TableText {
  pending = '';
  rows = 0;
  readonly buffers: Buffer[] = [];

  flush(): void {
    if (this.pending.length === 0) return;
    this.buffers.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}

export class ChunkRows {
  private readonly tables = new Map<GeneratedTable, TableText>(
    GENERATED_TABLES.map((table) => [table, new TableText()]),
  );
  persons = 0;
  households = 0;

  add(table: GeneratedTable, line: string): void {
    const text = this.tables.get(table) as TableText;
    text.pending += line;
    text.rows += 1;
    if (text.pending.length >= FLUSH_CHARACTERS) text.flush();
  }

  count(table: GeneratedTable): number {
    return (this.tables.get(table) as TableText).rows;
  }

  /** The table's rows as COPY text, in UTF-8 pieces. */
  buffers(table: GeneratedTable): Buffer[] {
    const text = this.tables.get(table) as TableText;
    text.flush();
    return text.buffers;
  }
}
