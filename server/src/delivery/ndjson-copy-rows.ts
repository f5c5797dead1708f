import { StringDecoder } from 'node:string_decoder';
import { copyText, NULL } from '@hub/prisma/synthetic/table-columns';
import type { DeliveryFormat } from '@hub/schema/delivery-formats';

// One COPY text row per non-blank NDJSON line: its line number, a problem that makes the whole row unreadable
// (MALFORMED_JSON, UNKNOWN_FIELD) if any, then the format's columns as text, for the SQL checks to judge.

function cell(value: unknown): string {
  if (value === null || value === undefined) return NULL;
  return copyText(typeof value === 'string' ? value : JSON.stringify(value));
}

function copyRow(format: DeliveryFormat, known: ReadonlySet<string>, text: string, line: number): string | null {
  if (!text.trim()) return null;
  const blanks = format.columns.map(() => NULL).join('\t');
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return `${line}\tMALFORMED_JSON\t\t${blanks}\n`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return `${line}\tMALFORMED_JSON\t\t${blanks}\n`;
  }
  const fields = record as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !known.has(key));
  const problem = unknown === undefined ? `${NULL}\t${NULL}` : `UNKNOWN_FIELD\t${copyText(unknown.slice(0, 100))}`;
  return `${line}\t${problem}\t${format.columns.map((column) => cell(fields[column.name])).join('\t')}\n`;
}

export async function* ndjsonCopyRows(chunks: AsyncIterable<Buffer>, format: DeliveryFormat): AsyncGenerator<string> {
  const known = new Set(format.columns.map((column) => column.name));
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    const out: string[] = [];
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
      line += 1;
      const row = copyRow(format, known, pending.slice(start, newline), line);
      if (row) out.push(row);
      start = newline + 1;
    }
    pending = pending.slice(start);
    if (out.length) yield out.join('');
  }
  pending += decoder.end();
  const last = copyRow(format, known, pending, line + 1);
  if (last) yield last;
}
