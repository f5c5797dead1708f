import type { Context, DisclosureSubject } from '../context.ts';

/**
 * The `where` of a list of department records: only CURRENT snapshots (a superseded delivery is history, not
 * evidence) and only the providers whose records of the item the caller may see at `need` (of that subject, when
 * given: facts are computed from exactly what the caller may know of the person).
 */
export async function visibleRecordsWhere(
  context: Context,
  itemCode: string,
  need: 'RECORD' | 'FACT' = 'RECORD',
  subject?: DisclosureSubject,
) {
  const [snapshots, providers] = await Promise.all([
    context.services.datasets.currentSnapshots(),
    context.access.providersFor(itemCode, need, subject),
  ]);
  return {
    snapshotId: { in: [...snapshots.keys()] },
    ...(providers === 'ANY' ? {} : { departmentId: { in: [...providers] } }),
  };
}

/** A relation's `query` option: its records visible to the caller, newest delivery first, in a stable order. */
export const visibleRecords = (itemCode: string) => async (_args: unknown, context: Context) => ({
  where: await visibleRecordsWhere(context, itemCode),
  orderBy: [{ asOf: 'desc' as const }, { id: 'asc' as const }],
});
