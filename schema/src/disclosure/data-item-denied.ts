import type { AccessLevel } from '@hub/prisma';
import { GraphQLError } from 'graphql';
import { findDataItem } from '../catalogue.ts';
import type { DenialReason } from '../context.ts';

const EXPLANATIONS: Record<DenialReason, (item: string) => string> = {
  NO_AGREEMENT: (item) => `no active sharing agreement lets your department see ${item} for the declared purpose`,
  CONSENT_REQUIRED: (item) =>
    `${item} needs the subject's authorisation (授权) covering the declared purpose, your department and today; none is recorded`,
  QUOTA_EXCEEDED: (item) =>
    `the daily query quota of the agreements granting ${item} is used up; it renews at 00:00 China Standard Time`,
  INSUFFICIENT_ACCESS_LEVEL: (item) => `your agreements grant ${item} at a lower access level than this field needs`,
};

/**
 * A field the caller may not see: null in the answer, and this error naming the data item, so that a partner
 * knows which agreement or consent it lacks. It says nothing about the data itself.
 */
export function dataItemDeniedError(
  itemCode: string,
  reason: DenialReason,
  levels: { granted?: AccessLevel; needed?: readonly AccessLevel[] } = {},
): GraphQLError {
  const item = findDataItem(itemCode);
  const named = item ? `${itemCode} (${item.name.en})` : itemCode;
  return new GraphQLError(EXPLANATIONS[reason](named), {
    extensions: {
      code: 'FORBIDDEN',
      reason,
      dataItem: itemCode,
      ...(levels.granted ? { grantedLevel: levels.granted, neededLevels: levels.needed } : {}),
    },
  });
}
