interface GraphQLErrorLike {
  extensions?: { code?: unknown; reason?: unknown };
}

/**
 * The stable code of a hub error for the portal to translate (`hub.errors.<code>`): the reason when it has one
 * (WEAK_PASSWORD, CODE_TAKEN), else its code (FORBIDDEN); null for an error that did not come from the hub.
 */
export function hubErrorReason(error: unknown): string | null {
  const apollo = error as { graphQLErrors?: GraphQLErrorLike[]; body?: GraphQLErrorLike };
  const extensions = apollo.graphQLErrors?.[0]?.extensions ?? apollo.body?.extensions;
  const reason = extensions?.reason ?? extensions?.code;
  return typeof reason === 'string' ? reason : null;
}
