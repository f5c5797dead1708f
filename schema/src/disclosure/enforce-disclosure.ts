import type { AccessLevel } from '@hub/prisma';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { Context, DisclosureSubject, ItemAccess } from '../context.ts';
import { ACCESS_RANK, FACT_LEVELS, RECORD_LEVELS } from './access-levels.ts';
import type { DisclosedField, DisclosedType } from './annotations.ts';
import { dataItemDeniedError } from './data-item-denied.ts';
import { maskValue } from './masks.ts';

type Resolver = GraphQLFieldResolver<unknown, Context>;

type GuardedField = Exclude<DisclosedField, { kind: 'METADATA' }>;

const NEEDED: Record<GuardedField['kind'], readonly AccessLevel[]> = {
  VALUE: RECORD_LEVELS,
  IDENTIFIER: RECORD_LEVELS,
  RECORDS: RECORD_LEVELS,
  FACT: FACT_LEVELS,
};

/** The items a field discloses (a fact may rest on any of several) and the levels it needs of them. */
export function disclosureOf(
  field: GuardedField,
  typeItem: string,
): { items: readonly string[]; needed: readonly AccessLevel[] } {
  const items =
    field.kind === 'FACT'
      ? (field.items ?? [typeItem])
      : [field.kind === 'RECORDS' ? field.item : (field.item ?? typeItem)];
  // An identifier with no masked form can only be shown in full.
  const needed = field.kind === 'IDENTIFIER' && field.mask === null ? (['FULL'] as const) : NEEDED[field.kind];
  return { items, needed };
}

/** Whether the type's fields carry personal data, and how (see annotations.ts). */
export function typeDisclosure(type: { extensions?: unknown }): DisclosedType<unknown> | undefined {
  return (type.extensions as { disclosure?: DisclosedType<unknown> } | undefined)?.disclosure;
}

export function fieldDisclosure(field: { extensions?: unknown }): DisclosedField | undefined {
  return (field.extensions as { disclosure?: DisclosedField } | undefined)?.disclosure;
}

/**
 * Puts the permission engine in front of every field that discloses a data item, whatever path reaches it:
 * aliases, fragments, nesting and batching all end in a field's resolver. A field the caller may not see
 * resolves to null with an error naming the item; a MASKED identifier resolves to its masked form.
 */
export function enforceDisclosure(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const disclosedType = typeDisclosure(type);
    for (const field of Object.values(type.getFields())) {
      const disclosed = fieldDisclosure(field) ?? (disclosedType ? { kind: 'VALUE' } : undefined);
      if (!disclosed || disclosed.kind === 'METADATA') continue;
      if (!disclosedType) throw new Error(`${type.name}.${field.name} discloses data but ${type.name} names no item`);
      field.resolve = guard(field.resolve ?? defaultFieldResolver, disclosedType, disclosed);
    }
  }
  return schema;
}

function best(accesses: readonly [string, ItemAccess][]): [string, ItemAccess] {
  const granted = accesses.filter(([, access]) => access.level !== null);
  const pool = granted.length ? granted : accesses;
  return pool.reduce((a, b) =>
    b[1].level && (!a[1].level || ACCESS_RANK[b[1].level] > ACCESS_RANK[a[1].level]) ? b : a,
  );
}

function guard(resolve: Resolver, disclosedType: DisclosedType<unknown>, field: GuardedField): Resolver {
  const { items, needed } = disclosureOf(field, disclosedType.item);
  // A list or a fact is about the subject as a whole; a record's own fields are about that provider's record.
  const perRecord = field.kind === 'VALUE' || field.kind === 'IDENTIFIER';
  return async (parent, args, context, info) => {
    const subject: DisclosureSubject = disclosedType.subject(parent);
    const provider = perRecord ? disclosedType.provider(parent) : null;
    const accesses = await Promise.all(
      items.map(async (item) => [item, await context.access.decide(item, subject, provider)] as [string, ItemAccess]),
    );
    const [itemCode, access] = best(accesses);
    if (access.level === null) {
      context.disclosures.record({ ...subject, outcome: 'DENIED', itemCode, reason: access.reason });
      throw dataItemDeniedError(itemCode, access.reason);
    }
    if (!needed.includes(access.level)) {
      context.disclosures.record({ ...subject, outcome: 'DENIED', itemCode, reason: 'INSUFFICIENT_ACCESS_LEVEL' });
      throw dataItemDeniedError(itemCode, 'INSUFFICIENT_ACCESS_LEVEL', { granted: access.level, needed });
    }
    const result = await resolve(parent, args, context, info);
    context.disclosures.record({
      ...subject,
      outcome: 'DISCLOSED',
      itemCode,
      accessLevel: access.level,
      agreementIds: access.agreementIds,
    });
    if (field.kind === 'IDENTIFIER' && field.mask && access.level === 'MASKED') return maskValue(field.mask, result);
    if (field.kind === 'RECORDS' && Array.isArray(result))
      return onlyPermittedRecords(result, itemCode, subject, context);
    return result;
  };
}

// The list's query asks only for the agreements' providers; which of them this subject's records may come from
// (their consent, the caller's own records) is decided here, record by record.
async function onlyPermittedRecords(
  list: unknown[],
  itemCode: string,
  subject: DisclosureSubject,
  context: Context,
): Promise<unknown[]> {
  const providers = await context.access.providersFor(itemCode, 'RECORD', subject);
  if (providers === 'ANY') return list;
  return list.filter((record) => providers.includes((record as { departmentId?: string }).departmentId ?? ''));
}
