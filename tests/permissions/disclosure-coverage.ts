import { fieldDisclosure, typeDisclosure } from '@hub/schema/disclosure/enforce-disclosure';
import { type GraphQLObjectType, type GraphQLSchema, getNamedType, isObjectType } from 'graphql';

/** Types that carry nothing about a person: what a department, a region or a delivery is. */
export const NON_PERSONAL_TYPES = new Set(['Department', 'Region', 'Provenance']);

/**
 * Every way from a person or a household to a value must pass a field that names its data item, or end in an
 * identifier the annotations call metadata, or lead into a type that says nothing about anyone. Returns the ways
 * that do not: personal data the permission engine would not see.
 */
export function undisclosedPaths(schema: GraphQLSchema, roots: readonly string[]): string[] {
  const problems: string[] = [];
  const visited = new Set<string>();
  const walk = (type: GraphQLObjectType, gated: boolean, path: string) => {
    const key = `${type.name}:${gated}`;
    if (visited.has(key)) return;
    visited.add(key);
    const annotated = typeDisclosure(type) !== undefined;
    for (const field of Object.values(type.getFields())) {
      const disclosed = fieldDisclosure(field) ?? (annotated ? { kind: 'VALUE' } : undefined);
      const passesGate = gated || (disclosed !== undefined && disclosed.kind !== 'METADATA');
      const target = getNamedType(field.type);
      const where = `${path}.${field.name}`;
      if (!isObjectType(target)) {
        if (!passesGate && disclosed?.kind !== 'METADATA') problems.push(where);
        continue;
      }
      if (NON_PERSONAL_TYPES.has(target.name)) continue;
      // An annotated type decides its own fields; any other type is only as safe as the way into it.
      if (typeDisclosure(target)) walk(target, false, target.name);
      else if (passesGate) walk(target, true, where);
      else problems.push(`${where} → ${target.name}`);
    }
  };
  for (const root of roots) {
    const type = schema.getType(root);
    if (isObjectType(type)) walk(type, false, root);
  }
  return problems;
}

/** The item codes the schema's annotations name. */
export function itemsNamed(schema: GraphQLSchema): Set<string> {
  const codes = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const typeItem = typeDisclosure(type)?.item;
    if (typeItem) codes.add(typeItem);
    for (const field of Object.values(type.getFields())) {
      const disclosed = fieldDisclosure(field);
      if (!disclosed) continue;
      if (disclosed.kind === 'RECORDS') codes.add(disclosed.item);
      if (disclosed.kind === 'FACT') for (const item of disclosed.items ?? []) codes.add(item);
      if ((disclosed.kind === 'VALUE' || disclosed.kind === 'IDENTIFIER') && disclosed.item) codes.add(disclosed.item);
    }
  }
  return codes;
}
