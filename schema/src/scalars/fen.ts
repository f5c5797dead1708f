import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

function parseFen(value: unknown): bigint {
  if ((typeof value === 'string' && /^-?\d+$/.test(value)) || Number.isSafeInteger(value)) {
    return BigInt(value as string | number);
  }
  throw new GraphQLError(
    `a Fen amount is a whole number of fen written as a decimal string, got ${JSON.stringify(value)}`,
  );
}

builder.scalarType('Fen', {
  description:
    'An amount of money in fen (1/100 yuan) that may exceed 2^53, written as a decimal string ("123456789"). ' +
    'Monthly flows that always fit a 32-bit integer are Int fields named ...Fen instead.',
  serialize: (fen) => fen.toString(),
  parseValue: parseFen,
  parseLiteral: (node) =>
    parseFen(node.kind === Kind.STRING ? node.value : node.kind === Kind.INT ? Number(node.value) : undefined),
});
