import {
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

// Apollo's document store hands every request with the same query text the same parsed document: it is walked once.
const answers = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the document names `__schema` or `__type` anywhere: at the root, under an alias, inside a fragment or an
 * inline fragment, or below a field. Validation admits them on the query root only, so a document that names one
 * anywhere else also names data and is refused as mixed.
 */
export function asksForIntrospection(document: DocumentNode): boolean {
  let answer = answers.get(document);
  if (answer === undefined) {
    answer = namesIntrospection(document);
    answers.set(document, answer);
  }
  return answer;
}

function namesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** The names of the fields an operation asks for at its root, its fragments (named and inline) spread out. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const spread = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return [...names];
}
