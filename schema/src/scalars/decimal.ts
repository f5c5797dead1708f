import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  throw new GraphQLError(`a Decimal is written as a decimal string ("89.50"), got ${JSON.stringify(value)}`);
}

builder.scalarType('Decimal', {
  description: 'An exact decimal number written as a string ("89.5", "0.12"): areas in m², rates, multipliers.',
  serialize: (value) => (typeof value === 'string' ? value : value.toFixed()),
  parseValue: parseDecimal,
  parseLiteral: (node) => parseDecimal(node.kind === Kind.STRING ? node.value : undefined),
});
