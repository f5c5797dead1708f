import { GENERATED_TABLES, type GeneratedTable } from './table-columns.ts';

// Rows are built straight as COPY text lines: no row objects in between, which is where a generator of millions
// of rows would otherwise spend its time and memory. A chunk holds a few thousand households' lines per table,
// is loaded, and dropped.

export class ChunkRows {
  private readonly lines = new Map<GeneratedTable, string[]>(GENERATED_TABLES.map((table) => [table, []]));
  persons = 0;
  households = 0;

  add(table: GeneratedTable, line: string): void {
    (this.lines.get(table) as string[]).push(line);
  }

  count(table: GeneratedTable): number {
    return (this.lines.get(table) as string[]).length;
  }

  /** The table's lines as one COPY text payload. */
  text(table: GeneratedTable): string {
    return (this.lines.get(table) as string[]).join('');
  }
}
