import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`a Date is written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return date;
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD (no time, no zone).',
  serialize: (date) => date.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});
