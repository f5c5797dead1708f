import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.ts';

/** The committed contract: schema/schema.graphql, sorted so that moving code around never changes it. */
export const printedSchemaPath = join(import.meta.dirname, '../schema.graphql');

export function printHubSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
