import { type AssistanceStandard, Prisma } from '@hub/prisma';

// A change to a policy version, kept with the values before and after it (a typed change-event trail of its own
// is another piece of work; this table is the minimal one that answers "who changed which figure from what").

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
  changedById: string | null,
): Promise<void> {
  const next = valuesOf(after);
  const previous = before ? valuesOf(before) : null;
  const changed = Object.keys(next).filter(
    (name) => !previous || JSON.stringify(previous[name]) !== JSON.stringify(next[name]),
  );
  const pick = (values: Values) => Object.fromEntries(changed.map((name) => [name, values[name] ?? null]));
  await tx.assistanceStandardChange.create({
    data: {
      standardId: after.id,
      regionCode: after.regionCode,
      areaType: after.areaType,
      effectiveFrom: after.effectiveFrom,
      changedById,
      oldValues: previous ? pick(previous) : undefined,
      newValues: pick(next),
    },
  });
}
