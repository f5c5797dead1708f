import type { Context, DisclosureLog, Viewer } from '@hub/schema/context';
import type { FastifyRequest } from 'fastify';

const audited = new WeakSet<FastifyRequest>();
// Apollo hands resolvers and plugins a shallow copy of the context: its per-request disclosure log is the same
// object in every copy, so the request is found through it.
const requestOfContext = new WeakMap<DisclosureLog, FastifyRequest>();
const notes = new WeakMap<FastifyRequest, AuditNote>();

/** What a route knows about a request that the generic entry should say: who it turned out to be, and what happened. */
export interface AuditNote {
  viewer?: Viewer | null;
  /** A short description after the route, e.g. `client hc_3f9a… issued`; never a secret. */
  detail?: string;
  /** Refused whatever its status says (a 503 for overload is a refusal, not a failure). */
  refused?: boolean;
}

/** Ties a GraphQL context to the HTTP request it was made for, so that the GraphQL audit can mark that request. */
export function bindContextToRequest(context: Context, request: FastifyRequest): void {
  requestOfContext.set(context.disclosures, request);
}

/** Marks a request whose audit entries a route or the GraphQL plugin has written (or tried to) itself. */
export function markAudited(requestOrContext: FastifyRequest | Context): void {
  const request =
    'disclosures' in requestOrContext ? requestOfContext.get(requestOrContext.disclosures) : requestOrContext;
  if (request) audited.add(request);
}

export function wasAudited(request: FastifyRequest): boolean {
  return audited.has(request);
}

export function noteForAudit(request: FastifyRequest, note: AuditNote): void {
  notes.set(request, { ...notes.get(request), ...note });
}

export function auditNoteOf(request: FastifyRequest): AuditNote | undefined {
  return notes.get(request);
}
