import type { ActorKind, AuditDecision, Purpose } from '@hub/prisma';
import type { DisclosureLog, DisclosureSubject, Viewer } from '@hub/schema/context';

/** The facts of one request that its audit entries record. */
export interface AuditedRequest {
  viewer: Viewer | null;
  purpose: Purpose | null;
  requestId: string;
  clientAddress: string | null;
  /** The GraphQL operation name or, lacking one, the root field names joined by ','. */
  operation: string;
  occurredAt: Date;
  disclosures: DisclosureLog;
  /** The response refused the caller (FORBIDDEN or UNAUTHENTICATED): decides a subjectless entry. */
  refused: boolean;
}

/** An audit entry before the database gives it its sequence, id and hashes. */
export interface AuditEntryDraft {
  occurredAt: Date;
  requestId: string;
  actorKind: ActorKind;
  userId: string | null;
  apiClientId: string | null;
  actorName: string;
  departmentId: string | null;
  purpose: Purpose | null;
  agreementIds: string[];
  subjectPersonId: string | null;
  subjectHouseholdId: string | null;
  operation: string;
  itemsDisclosed: string[];
  itemsDenied: string[];
  decision: AuditDecision;
  reason: string | null;
  clientAddress: string | null;
}

interface SubjectDecisions {
  subject: DisclosureSubject;
  disclosed: Set<string>;
  denied: Set<string>;
  agreementIds: Set<string>;
  reasons: Set<string>;
}

const subjectKey = (subject: DisclosureSubject) =>
  `${subject.subjectPersonId ?? ''}/${subject.subjectHouseholdId ?? ''}`;
const sorted = (values: Set<string>) => [...values].sort();

/**
 * One entry per subject the request decided about or touched; a request about nobody still gets one entry saying
 * who ran which operation, so that every request leaves evidence.
 */
export function formAuditEntries(request: AuditedRequest): AuditEntryDraft[] {
  const subjects = new Map<string, SubjectDecisions>();
  const decisionsAbout = (subject: DisclosureSubject) => {
    const key = subjectKey(subject);
    let decisions = subjects.get(key);
    if (!decisions) {
      decisions = { subject, disclosed: new Set(), denied: new Set(), agreementIds: new Set(), reasons: new Set() };
      subjects.set(key, decisions);
    }
    return decisions;
  };
  for (const disclosure of request.disclosures.entries()) {
    const decisions = decisionsAbout(disclosure);
    if (disclosure.outcome === 'DISCLOSED') {
      decisions.disclosed.add(disclosure.itemCode);
      for (const agreementId of disclosure.agreementIds) decisions.agreementIds.add(agreementId);
    } else {
      decisions.denied.add(disclosure.itemCode);
      decisions.reasons.add(`${disclosure.itemCode}:${disclosure.reason}`);
    }
  }
  for (const subject of request.disclosures.touchedSubjects()) decisionsAbout(subject);

  const common = { ...actorOf(request.viewer), ...requestFacts(request) };
  if (subjects.size === 0) {
    return [
      {
        ...common,
        subjectPersonId: null,
        subjectHouseholdId: null,
        agreementIds: [],
        itemsDisclosed: [],
        itemsDenied: [],
        decision: request.refused ? 'DENIED' : 'ALLOWED',
        reason: null,
      },
    ];
  }
  return [...subjects.values()].map((decisions) => ({
    ...common,
    subjectPersonId: decisions.subject.subjectPersonId,
    subjectHouseholdId: decisions.subject.subjectHouseholdId,
    agreementIds: sorted(decisions.agreementIds),
    itemsDisclosed: sorted(decisions.disclosed),
    itemsDenied: sorted(decisions.denied),
    decision: decisionOf(decisions),
    reason: decisions.reasons.size ? [...decisions.reasons].join(', ') : null,
  }));
}

// A subject only touched (a lookup, an audit query) was allowed: nothing about them was refused.
function decisionOf(decisions: SubjectDecisions): AuditDecision {
  if (decisions.denied.size === 0) return 'ALLOWED';
  return decisions.disclosed.size === 0 ? 'DENIED' : 'PARTIAL';
}

function actorOf(viewer: Viewer | null) {
  if (viewer === null) {
    return {
      actorKind: 'ANONYMOUS',
      actorName: 'anonymous',
      userId: null,
      apiClientId: null,
      departmentId: null,
    } as const;
  }
  if (viewer.kind === 'USER') {
    return {
      actorKind: 'USER',
      actorName: viewer.username,
      userId: viewer.userId,
      apiClientId: null,
      departmentId: viewer.departmentId,
    } as const;
  }
  return {
    actorKind: 'API_CLIENT',
    actorName: viewer.clientId,
    userId: null,
    apiClientId: viewer.apiClientId,
    departmentId: viewer.departmentId,
  } as const;
}

function requestFacts(request: AuditedRequest) {
  return {
    occurredAt: request.occurredAt,
    requestId: request.requestId,
    purpose: request.purpose,
    operation: request.operation,
    clientAddress: request.clientAddress,
  };
}
