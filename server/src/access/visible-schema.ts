import type { AccessLevel } from '@hub/prisma';
import { disclosureOf, fieldDisclosure, typeDisclosure } from '@hub/schema/disclosure/enforce-disclosure';
import {
  buildASTSchema,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  isObjectType,
  Kind,
  parse,
  printSchema,
  GraphQLSchema as Schema,
  visit,
} from 'graphql';

export interface SchemaViewer {
  /** The level at which the caller's department holds each item (absent: not at all). */
  held: ReadonlyMap<string, AccessLevel>;
  /** Whether the caller's role passes a root field's declared scopes (e.g. `{ administrator: true }`). */
  passes(authScopes: unknown): boolean;
}

function mayQuery(
  field: GraphQLField<unknown, unknown>,
  typeItem: string | undefined,
  isRoot: boolean,
  viewer: SchemaViewer,
) {
  if (isRoot)
    return viewer.passes((field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes);
  const disclosed = fieldDisclosure(field) ?? (typeItem ? { kind: 'VALUE' as const } : undefined);
  if (!disclosed || disclosed.kind === 'METADATA') return true;
  const { items, needed } = disclosureOf(disclosed, typeItem ?? '');
  return items.some((item) => {
    const level = viewer.held.get(item);
    return level !== undefined && needed.includes(level);
  });
}

/**
 * The schema as one caller may query it: without the fields of data items its department does not hold at the
 * level they need, without the root fields its role may not call, and without the types nothing then reaches.
 */
export function visibleSchema(schema: GraphQLSchema, viewer: SchemaViewer): GraphQLSchema {
  const hidden = new Set<string>();
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeItem = typeDisclosure(type)?.item;
    for (const field of Object.values(type.getFields())) {
      if (!mayQuery(field, typeItem, roots.has(type.name), viewer)) hidden.add(`${type.name}.${field.name}`);
    }
  }
  let typeName = '';
  const document: DocumentNode = visit(parse(printSchema(schema)), {
    ObjectTypeDefinition: {
      enter: (node) => {
        typeName = node.name.value;
      },
    },
    FieldDefinition: (node) => (hidden.has(`${typeName}.${node.name.value}`) ? null : undefined),
  });
  const built = buildASTSchema({
    ...document,
    definitions: document.definitions.filter(
      (definition) => definition.kind !== Kind.OBJECT_TYPE_DEFINITION || (definition.fields?.length ?? 0) > 0,
    ),
  });
  // A schema collects the types its roots reach: whatever the hidden fields alone led to disappears.
  return new Schema({
    query: built.getQueryType(),
    mutation: built.getMutationType(),
    directives: built.getDirectives(),
  });
}
