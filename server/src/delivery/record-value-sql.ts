import type { DeliveryColumn } from '@hub/schema/delivery-formats';

const quote = (name: string) => `"${name}"`;

/**
 * The SQL that turns a column's text (null when the file left it empty) into its record column's value, for bulk
 * deliveries and live answers alike; the rows were judged first, so every cast here succeeds. An ID_NUMBER column
 * is not a value: the caller joins the person it names.
 */
export function recordValueSql(column: DeliveryColumn, text: string): string {
  const value = (() => {
    switch (column.type) {
      case 'DATE':
        return `${text}::date`;
      case 'AMOUNT_FEN':
        return `${text}::${column.amountType ?? 'bigint'}`;
      case 'DECIMAL':
        return `${text}::numeric`;
      case 'INTEGER':
        return `${text}::integer`;
      case 'BOOLEAN':
        return `${text}::boolean`;
      case 'ENUM':
        return `${text}::${quote(column.enumType ?? '')}`;
      case 'CITIZEN_ID':
        return `upper(${text})`;
      default:
        return text;
    }
  })();
  return column.defaultSql ? `coalesce(${value}, ${column.defaultSql})` : value;
}
