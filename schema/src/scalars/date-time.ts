import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(value as string)) {
    throw new GraphQLError(`a DateTime is an ISO 8601 timestamp with a zone, got ${JSON.stringify(value)}`);
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 in UTC (2024-05-17T08:30:00.000Z).',
  serialize: (date) => date.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (node) => parseDateTime(node.kind === Kind.STRING ? node.value : undefined),
});
