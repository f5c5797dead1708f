import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DELIVERY_FORMATS } from '@hub/schema/delivery-formats';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

interface DmmfField {
  name: string;
  dbName: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'normal' | 'unique' | 'fulltext';
  fields: { name: string }[];
}

const schemaText = readFileSync(join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
const { datamodel } = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] };
};
const models = new Map(datamodel.models.map((model) => [model.name, model]));
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName);
  return field?.dbName ?? fieldName;
};

/** The PostgreSQL type (pg_type.typname, with numeric precision) that Prisma's migrate would give a field. */
function expectedType(field: DmmfField): string {
  // PostgreSQL names an array type after its element type with a leading underscore.
  if (field.isList) return `_${expectedType({ ...field, isList: false })}`;
  if (field.kind === 'enum') return field.type;
  const native = field.nativeType?.[0];
  const nativeArgs = field.nativeType?.[1] ?? [];
  switch (field.type) {
    case 'String':
      return { Uuid: 'uuid', Char: 'bpchar', VarChar: 'varchar' }[native ?? ''] ?? 'text';
    case 'Int':
      return native === 'SmallInt' ? 'int2' : 'int4';
    case 'BigInt':
      return 'int8';
    case 'Boolean':
      return 'bool';
    case 'DateTime':
      return { Date: 'date', Timestamptz: 'timestamptz' }[native ?? ''] ?? 'timestamp';
    case 'Decimal':
      return `numeric(${(nativeArgs.length ? nativeArgs : ['65', '30']).join(',')})`;
    case 'Json':
      return 'jsonb';
    case 'Bytes':
      return 'bytea';
    default:
      throw new Error(`no mapping for Prisma type ${field.type}`);
  }
}

describe('the migrated database matches prisma/schema.prisma', () => {
  let client: pg.Client;
  let columns: Map<string, { type: string; nullable: boolean }>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, NOT a.attnotnull AS nullable,
             CASE WHEN t.typname = 'numeric' THEN format('numeric(%s,%s)', ((a.atttypmod - 4) >> 16) & 65535, (a.atttypmod - 4) & 65535)
                  ELSE t.typname END AS type
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped`);
    columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, { type: r.type, nullable: r.nullable }]));
  });
  afterAll(() => client?.end());

  async function partitionKeyColumns(): Promise<Map<string, string[]>> {
    const { rows } = await client.query<{ table_name: string; columns: string[] }>(`
      SELECT c.relname AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
      CROSS JOIN LATERAL unnest(p.partattrs) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      GROUP BY c.relname`);
    return new Map(rows.map((row) => [row.table_name, row.columns]));
  }

  it('partitions by snapshot exactly the record tables of the datasets delivered in bulk, and the trail by time', async () => {
    const partitioned = [...(await partitionKeyColumns())].sort();
    const delivered = DELIVERY_FORMATS.map((format) => [format.table, ['snapshot_id']]);
    expect(partitioned).toEqual([...delivered, ['audit_entries', ['occurred_at']]].sort());
  });

  it.each(datamodel.models.map((model) => [model.name, model] as const))(
    'has every field of %s with its type and nullability',
    (_, model) => {
      for (const field of model.fields.filter((f) => f.kind !== 'object')) {
        const column = columns.get(`${tableOf(model)}.${field.dbName ?? field.name}`);
        expect(column, `${model.name}.${field.name}`).toEqual({
          type: expectedType(field),
          // Prisma's migrate leaves list columns nullable (an absent list reads as empty).
          nullable: field.isList || !field.isRequired,
        });
      }
    },
  );

  it('has no table or column that the schema does not describe', () => {
    const described = new Set(
      datamodel.models.flatMap((model) =>
        model.fields.filter((f) => f.kind !== 'object').map((f) => `${tableOf(model)}.${f.dbName ?? f.name}`),
      ),
    );
    const undescribed = [...columns.keys()].filter(
      (key) => !described.has(key) && !key.startsWith('_prisma_migrations.'),
    );
    expect(undescribed).toEqual([]);
  });

  it('has every enum with exactly its values, in order', async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  // schema.prisma cannot say "unique among the rows where …": such indexes live in the migrations alone, each named here.
  it('has only the partial indexes schema.prisma cannot express', async () => {
    const { rows } = await client.query<{ name: string }>(`
      SELECT i.relname AS name FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_namespace n ON n.oid = i.relnamespace
       WHERE n.nspname = 'public' AND ix.indpred IS NOT NULL ORDER BY 1`);
    expect(rows.map((row) => row.name)).toEqual(['discrepancy_cases_one_open_per_household']);
  });

  it('has every primary key, unique constraint and index on the same columns', async () => {
    const { rows } = await client.query<{
      table_name: string;
      columns: string[];
      is_unique: boolean;
      is_primary: boolean;
    }>(`
      SELECT c.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations' AND NOT c.relispartition
        AND ix.indpred IS NULL
      GROUP BY c.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`);
    const partitionKeys = await partitionKeyColumns();
    const key = (table: string, cols: string[], kind: string) => `${kind} ${table}(${cols.join(',')})`;
    const actual = rows
      .map((r) => key(r.table_name, r.columns, r.is_primary ? 'id' : r.is_unique ? 'unique' : 'normal'))
      .sort();
    const expected = datamodel.indexes
      .map((index) => {
        const model = models.get(index.model) as DmmfModel;
        const columns = index.fields.map((f) => columnOf(model, f.name));
        // PostgreSQL puts the partition key into a partitioned table's primary key; Prisma's @id names the rest.
        const partitionKey = (partitionKeys.get(tableOf(model)) ?? []).filter((column) => !columns.includes(column));
        return key(tableOf(model), index.type === 'id' ? [...columns, ...partitionKey] : columns, index.type);
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has a foreign key for every relation', async () => {
    const { rows } = await client.query<{ table_name: string; columns: string[]; target: string }>(`
      SELECT c.relname AS table_name, t.relname AS target,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class t ON t.oid = con.confrelid
      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE con.contype = 'f' AND NOT c.relispartition GROUP BY c.relname, t.relname, con.oid`);
    const actual = rows.map((r) => `${r.table_name}(${r.columns.join(',')}) -> ${r.target}`).sort();
    const expected = datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
          .map((f) => {
            const target = models.get(f.type) as DmmfModel;
            const cols = (f.relationFromFields ?? []).map((name) => columnOf(model, name));
            return `${tableOf(model)}(${cols.join(',')}) -> ${tableOf(target)}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
