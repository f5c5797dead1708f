import { type AssistanceStandard, Prisma } from '@hub/prisma';
import type { ChangeValue } from '@hub/schema/change-events';
import type { ChangeActor } from '@hub/schema/context';
import { recordChangeEvent } from '../audit/record-change-event.ts';

// A change to a policy version, kept with the values before and after it: in assistance_standard_changes, which the
// policy screens read, and as the STANDARD_CHANGED event in the audit chain, in the same transaction.

type Values = Record<string, Prisma.InputJsonValue | null>;

function valuesOf(standard: AssistanceStandard): Values {
  const { id: _id, ...fields } = standard;
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      value === null
        ? null
        : value instanceof Date
          ? value.toISOString().slice(0, 10)
          : typeof value === 'bigint' || Prisma.Decimal.isDecimal(value)
            ? String(value)
            : (value as Prisma.InputJsonValue),
    ]),
  );
}

/** Writes the change event, with only the figures that changed (all of them when the version is new). */
export async function recordStandardChange(
  tx: Prisma.TransactionClient,
  before: AssistanceStandard | null,
  after: AssistanceStandard,
  actor: ChangeActor,
): Promise<void> {
  const next = valuesOf(after);
  const previous = before ? valuesOf(before) : null;
  const changed = Object.keys(next).filter(
    (name) => !previous || JSON.stringify(previous[name]) !== JSON.stringify(next[name]),
  );
  const pick = (values: Values) => Object.fromEntries(changed.map((name) => [name, values[name] ?? null]));
  const change = await tx.assistanceStandardChange.create({
    data: {
      standardId: after.id,
      regionCode: after.regionCode,
      areaType: after.areaType,
      effectiveFrom: after.effectiveFrom,
      changedById: actor.userId,
      oldValues: previous ? pick(previous) : undefined,
      newValues: pick(next),
    },
  });
  await recordChangeEvent(tx, actor, {
    type: 'STANDARD_CHANGED',
    reason: null,
    standardId: after.id,
    standardChangeId: change.id,
    regionCode: after.regionCode,
    areaType: after.areaType,
    effectiveFrom: after.effectiveFrom.toISOString().slice(0, 10),
    changes: changed.map((field) => ({
      field,
      old: (previous?.[field] ?? null) as ChangeValue,
      new: (next[field] ?? null) as ChangeValue,
    })),
  });
}
