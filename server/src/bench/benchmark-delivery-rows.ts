import { creditCodeCheckCharacter } from '@hub/prisma/synthetic/organisations';
import type { DeliveryColumn, DeliveryFormat } from '@hub/schema/delivery-formats';

/** What the generated rows draw on: the seeded persons' identity numbers and the region codes the hub knows. */
export interface BenchmarkWorld {
  idNumbers: readonly string[];
  regionCodes: readonly string[];
}

/** The header and the i-th line of a benchmark delivery file. */
export interface BenchmarkRows {
  header: string;
  row: (i: number) => string;
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1);

const isoDay = (i: number) => new Date(FIRST_DAY + (i % 9_000) * DAY_MS).toISOString().slice(0, 10);

/** A valid unified social credit code (GB 32100) whose organisation part spells `i` in base 31. */
function creditCode(i: number): string {
  let organisation = '';
  for (let rest = i, place = 0; place < 9; place++, rest = Math.floor(rest / 31)) {
    organisation = (CREDIT_CHARSET[rest % 31] as string) + organisation;
  }
  const first17 = `91640100${organisation}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A DECIMAL value inside the column's range with at most its scale's digits after the point. */
function decimalValue(column: DeliveryColumn, i: number): string {
  const scale = column.scale ?? 0;
  const unit = 10 ** scale;
  const min = Math.round(Number(column.range?.min ?? '0') * unit) + (column.range?.minExclusive ? 1 : 0);
  const max = Math.min(Math.round(Number(column.range?.max ?? '0') * unit), min + 10_000_000);
  const scaled = min + (i % (max - min + 1));
  const whole = Math.floor(scaled / unit);
  return scale ? `${whole}.${String(scaled % unit).padStart(scale, '0')}` : String(whole);
}

/**
 * The i-th row's value of one column, valid by the column's definition alone. Row i is about the i-th person, so any
 * key holding `id_number` is unique while the rows are no more than the persons; a TEXT value carries i, so a key
 * of text (an account or certificate number) is unique at any size.
 */
function columnValue(column: DeliveryColumn, world: BenchmarkWorld, i: number): string {
  const person = (offset: number) => world.idNumbers[(i + offset) % world.idNumbers.length] ?? '';
  switch (column.type) {
    case 'ID_NUMBER':
      return person(column.name === 'id_number' ? 0 : 1);
    case 'CITIZEN_ID':
      return person(1);
    case 'TEXT':
      return `基准${column.name}${i}`;
    case 'DATE':
      return isoDay(i);
    case 'AMOUNT_FEN':
      return String((i * 7919) % (column.amountType === 'integer' ? 2_000_000 : 50_000_000));
    case 'DECIMAL':
      return decimalValue(column, i);
    case 'INTEGER': {
      const min = Number(column.range?.min ?? '0');
      return String(min + (i % (Number(column.range?.max ?? '0') - min + 1)));
    }
    case 'BOOLEAN':
      return i % 2 ? 'true' : 'false';
    case 'ENUM':
      return column.values?.[i % column.values.length] ?? '';
    case 'REGION_CODE':
      return world.regionCodes[i % world.regionCodes.length] ?? '';
    case 'CREDIT_CODE':
      return creditCode(i);
  }
}

/**
 * Valid rows of a dataset, generated from its delivery format (the catalogue of columns) rather than written per
 * dataset: every column of the format, an optional one left empty on every fourth row.
 */
export function benchmarkRows(format: DeliveryFormat, world: BenchmarkWorld): BenchmarkRows {
  const columns = format.columns;
  return {
    header: columns.map((column) => column.name).join(','),
    row: (i) =>
      `${columns.map((column) => (!column.required && i % 4 === 0 ? '' : columnValue(column, world, i))).join(',')}\n`,
  };
}
