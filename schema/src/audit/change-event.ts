import type { AuditEventType } from '@hub/prisma';
import { AccessLevelEnum } from '../agreements/sharing-agreement-item.ts';
import { builder } from '../builder.ts';
import {
  type AgreementEvent,
  type ApiClientEvent,
  type ArchiveEvent,
  CHANGE_EVENTS,
  type ChangeEventFamily,
  type ChangeEvent as ChangeEventPayload,
  type ConnectorEvent,
  type ConsentEvent,
  type DiscrepancyCaseStepEvent,
  type FieldChange,
  type SnapshotEvent,
  type StandardEvent,
  type UserEvent,
  type VerificationRequestEvent,
} from '../change-events.ts';
import { DiscrepancyCaseEventTypeEnum } from '../discrepancy-cases/discrepancy-case-enums.ts';
import { AuditEventTypeEnum } from './audit-event-type.ts';

const auditor = { auditor: true } as const;
const json = (value: FieldChange['old']) => (value === null ? null : JSON.stringify(value));

export const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange').implement({
  description: 'One field a change set, its values as JSON text: null for a thing that did not exist before.',
  authScopes: auditor,
  fields: (t) => ({
    field: t.exposeString('field'),
    oldValue: t.string({ nullable: true, resolve: (change) => json(change.old) }),
    newValue: t.string({ nullable: true, resolve: (change) => json(change.new) }),
  }),
});

export const ChangeEvent = builder.interfaceRef<ChangeEventPayload>('ChangeEvent').implement({
  description: 'What an administrative change did: its type, the reason given, and each field before and after.',
  resolveType: (event) => FAMILY_TYPES[CHANGE_EVENTS[event.type].family],
  fields: (t) => ({
    type: t.field({ type: AuditEventTypeEnum, resolve: (event) => event.type }),
    label: t.string({ resolve: (event) => CHANGE_EVENTS[event.type].label }),
    reason: t.exposeString('reason', { nullable: true }),
    changes: t.field({ type: [FieldChangeRef], resolve: (event) => event.changes }),
  }),
});

const MatrixItem = builder.objectRef<AgreementEvent['matrix'][number]>('AgreementMatrixItem').implement({
  authScopes: auditor,
  fields: (t) => ({
    itemCode: t.exposeString('itemCode'),
    accessLevel: t.field({ type: AccessLevelEnum, resolve: (item) => item.accessLevel }),
  }),
});

builder.objectRef<AgreementEvent>('AgreementChangeEvent').implement({
  description: 'A sharing agreement changed.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    agreementId: t.exposeID('agreementId'),
    code: t.exposeString('code'),
    matrix: t.field({
      type: [MatrixItem],
      description: 'The field matrix after the change.',
      resolve: (event) => event.matrix,
    }),
  }),
});
builder.objectRef<StandardEvent>('StandardChangeEvent').implement({
  description: 'A policy version set or replaced.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    standardId: t.exposeID('standardId'),
    regionCode: t.exposeString('regionCode'),
    areaType: t.exposeString('areaType'),
    effectiveFrom: t.exposeString('effectiveFrom'),
  }),
});
builder.objectRef<UserEvent>('UserChangeEvent').implement({
  description: 'A user created, disabled or given a role.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    userId: t.exposeID('userId'),
    username: t.exposeString('username'),
  }),
});
builder.objectRef<ApiClientEvent>('ApiClientChangeEvent').implement({
  description: 'An API client changed.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    apiClientId: t.exposeID('apiClientId'),
    clientId: t.exposeString('clientId'),
  }),
});
builder.objectRef<ConnectorEvent>('ConnectorChangeEvent').implement({
  description:
    'A department connector configured or disabled; its credential is never shown, only whether it was replaced.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    connectorId: t.exposeID('connectorId'),
    departmentId: t.exposeID('departmentId'),
    credentialReplaced: t.exposeBoolean('credentialReplaced'),
  }),
});
builder.objectRef<ConsentEvent>('ConsentChangeEvent').implement({
  description: 'A consent recorded, withdrawn, or deleted at the end of its retention.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({ consentId: t.exposeID('consentId') }),
});
builder.objectRef<VerificationRequestEvent>('VerificationRequestChangeEvent').implement({
  description: 'A closed verification request deleted at the end of its retention, with its declared items and file.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    reference: t.exposeString('reference'),
    departmentId: t.exposeID('departmentId'),
  }),
});
builder.objectRef<SnapshotEvent>('SnapshotChangeEvent').implement({
  description: "A delivery became its dataset's current snapshot.",
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    snapshotId: t.exposeID('snapshotId'),
    previousSnapshotId: t.exposeID('previousSnapshotId', { nullable: true }),
    dataset: t.exposeString('dataset'),
    departmentId: t.exposeID('departmentId'),
  }),
});

builder.objectRef<ArchiveEvent>('AuditArchiveChangeEvent').implement({
  description:
    'A month of the audit trail exported to a signed archive file and dropped from the database; the online chain ' +
    'continues from its last entry.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM, China Standard Time.' }),
    entries: t.exposeInt('entries'),
    firstSequence: t.exposeString('firstSequence', { nullable: true }),
    lastSequence: t.exposeString('lastSequence', { nullable: true }),
    lastHash: t.exposeString('lastHash', { nullable: true }),
    file: t.exposeString('file', { nullable: true, description: "The archive file's name; null for an empty month." }),
    fileSha256: t.exposeString('fileSha256', { nullable: true }),
  }),
});

builder.objectRef<DiscrepancyCaseStepEvent>('DiscrepancyCaseStepChangeEvent').implement({
  description:
    'A step of a discrepancy case (its timeline event), sealed in the chain by the SHA-256 of the event as stored; ' +
    '`hub audit verify` recomputes it from the case’s event.',
  interfaces: [ChangeEvent],
  authScopes: auditor,
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    caseEventId: t.exposeID('caseEventId'),
    caseEventType: t.field({ type: DiscrepancyCaseEventTypeEnum, resolve: (event) => event.caseEventType }),
    sha256: t.exposeString('sha256'),
  }),
});

const FAMILY_TYPES: Record<ChangeEventFamily, string> = {
  AGREEMENT: 'AgreementChangeEvent',
  STANDARD: 'StandardChangeEvent',
  USER: 'UserChangeEvent',
  API_CLIENT: 'ApiClientChangeEvent',
  CONNECTOR: 'ConnectorChangeEvent',
  CONSENT: 'ConsentChangeEvent',
  VERIFICATION_REQUEST: 'VerificationRequestChangeEvent',
  SNAPSHOT: 'SnapshotChangeEvent',
  AUDIT_ARCHIVE: 'AuditArchiveChangeEvent',
  DISCREPANCY_CASE: 'DiscrepancyCaseStepChangeEvent',
};

/** The typed event an audit entry carries, from its event column and change payload. */
export function changeEventOf(entry: { event: AuditEventType | null; change: unknown }): ChangeEventPayload | null {
  if (entry.event === null || entry.change === null || typeof entry.change !== 'object') return null;
  return { ...(entry.change as Omit<ChangeEventPayload, 'type'>), type: entry.event } as ChangeEventPayload;
}
