import { randomUUID } from 'node:crypto';
import type { AuditEntryDraft } from '@hub/server/audit/form-audit-entries';

/** An entry as an administrator's request about nobody would leave it; override what the test is about. */
export function auditEntryDraft(overrides: Partial<AuditEntryDraft> = {}): AuditEntryDraft {
  return {
    occurredAt: new Date(),
    requestId: randomUUID(),
    actorKind: 'USER',
    userId: null,
    apiClientId: null,
    actorName: 'tester',
    departmentId: null,
    purpose: null,
    agreementIds: [],
    subjectPersonId: null,
    subjectHouseholdId: null,
    operation: 'me',
    itemsDisclosed: [],
    itemsDenied: [],
    decision: 'ALLOWED',
    reason: null,
    clientAddress: '127.0.0.1',
    ...overrides,
  };
}
