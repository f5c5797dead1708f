import type { AccessLevel, AuditEventType, DiscrepancyCaseEventType } from '@hub/prisma';

/** A value before or after a change, as JSON: dates as YYYY-MM-DD or ISO instants, money and decimals as text. */
export type ChangeValue = string | number | boolean | null | readonly ChangeValue[] | { [key: string]: ChangeValue };

/** One field a change set: its value before (null for a new thing) and after. */
export interface FieldChange {
  field: string;
  old: ChangeValue;
  new: ChangeValue;
}

interface EventOf<Type extends AuditEventType> {
  type: Type;
  /** Why, in the words of whoever made the change; null when the change asks for none. */
  reason: string | null;
  changes: FieldChange[];
}

export type AgreementEvent = EventOf<
  | 'AGREEMENT_CREATED'
  | 'AGREEMENT_SUBMITTED'
  | 'AGREEMENT_APPROVED'
  | 'AGREEMENT_RETURNED'
  | 'AGREEMENT_SUSPENDED'
  | 'AGREEMENT_RESUMED'
  | 'AGREEMENT_REVOKED'
> & {
  agreementId: string;
  code: string;
  /** The field matrix as it stands after the change: each data item at its access level. */
  matrix: { itemCode: string; accessLevel: AccessLevel }[];
};

export type StandardEvent = EventOf<'STANDARD_CHANGED'> & {
  standardId: string;
  /** The assistance_standard_changes row that keeps the same old and new values for the policy screens. */
  standardChangeId: string;
  regionCode: string;
  areaType: string;
  effectiveFrom: string;
};

export type UserEvent = EventOf<
  'USER_CREATED' | 'USER_DISABLED' | 'USER_ROLE_CHANGED' | 'USER_PASSWORD_RESET' | 'USER_PASSWORD_CHANGED'
> & {
  userId: string;
  username: string;
};

export type ApiClientEvent = EventOf<'API_CLIENT_CREATED' | 'API_CLIENT_ROTATED' | 'API_CLIENT_REVOKED'> & {
  apiClientId: string;
  clientId: string;
};

/** The credential is never in it: only whether it was replaced. */
export type ConnectorEvent = EventOf<'CONNECTOR_CONFIGURED'> & {
  connectorId: string;
  departmentId: string;
  credentialReplaced: boolean;
};

export type ConsentEvent = EventOf<'CONSENT_RECORDED' | 'CONSENT_WITHDRAWN' | 'CONSENT_PURGED'> & {
  consentId: string;
  /** Also the entry's subject, so that the person's own record shows it. */
  personId: string;
};

/** A closed verification request deleted at the end of its retention; its reference and dates stay here. */
export type VerificationRequestEvent = EventOf<'VERIFICATION_REQUEST_PURGED'> & {
  requestId: string;
  reference: string;
  departmentId: string;
};

export type SnapshotEvent = EventOf<'SNAPSHOT_SWITCHED' | 'SNAPSHOT_PURGED'> & {
  snapshotId: string;
  previousSnapshotId: string | null;
  dataset: string;
  departmentId: string;
};

/**
 * A month of the trail exported to a signed archive file and its partition dropped (`hub audit archive`). The
 * archive's first and last entries (sequence and hash) chain it to the entries still online: the first entry after
 * `lastSequence` links to `lastHash`.
 */
export type ArchiveEvent = EventOf<'AUDIT_MONTH_ARCHIVED'> & {
  /** YYYY-MM, a China Standard Time month. */
  month: string;
  /** 0 for a month without entries: its partition was dropped and no file written (the fields below are null). */
  entries: number;
  firstSequence: string | null;
  /** The previous_hash of the first archived entry: the hash of the entry before it (or 64 zeros at genesis). */
  firstPreviousHash: string | null;
  lastSequence: string | null;
  lastHash: string | null;
  /** The archive file's name (not its path) and the SHA-256 of its bytes. */
  file: string | null;
  fileSha256: string | null;
};

/**
 * A step of a discrepancy case, chained as its discrepancy_case_events row is written: the row's content is sealed by
 * its SHA-256 rather than copied, so that visit notes and explanations stay with the case (no `changes`).
 */
export type DiscrepancyCaseStepEvent = EventOf<'DISCREPANCY_CASE_STEP'> & {
  caseId: string;
  caseEventId: string;
  caseEventType: DiscrepancyCaseEventType;
  sha256: string;
};

/** Every typed administrative change, one event type per change, discriminated by `type`. */
export type ChangeEvent =
  | AgreementEvent
  | StandardEvent
  | UserEvent
  | ApiClientEvent
  | ConnectorEvent
  | ConsentEvent
  | VerificationRequestEvent
  | SnapshotEvent
  | ArchiveEvent
  | DiscrepancyCaseStepEvent;

export type ChangeEventFamily =
  | 'AGREEMENT'
  | 'STANDARD'
  | 'USER'
  | 'API_CLIENT'
  | 'CONNECTOR'
  | 'CONSENT'
  | 'VERIFICATION_REQUEST'
  | 'SNAPSHOT'
  | 'AUDIT_ARCHIVE'
  | 'DISCREPANCY_CASE';

/** The registry: each event type's family (its payload's shape) and the label people read. */
export const CHANGE_EVENTS: Record<AuditEventType, { family: ChangeEventFamily; label: string }> = {
  AGREEMENT_CREATED: { family: 'AGREEMENT', label: 'Sharing agreement created (共享协议创建)' },
  AGREEMENT_SUBMITTED: { family: 'AGREEMENT', label: 'Sharing agreement submitted for approval (提交审批)' },
  AGREEMENT_APPROVED: { family: 'AGREEMENT', label: 'Sharing agreement approved (审批通过)' },
  AGREEMENT_RETURNED: { family: 'AGREEMENT', label: 'Sharing agreement returned to its author (退回)' },
  AGREEMENT_SUSPENDED: { family: 'AGREEMENT', label: 'Sharing agreement suspended (暂停)' },
  AGREEMENT_RESUMED: { family: 'AGREEMENT', label: 'Sharing agreement resumed (恢复)' },
  AGREEMENT_REVOKED: { family: 'AGREEMENT', label: 'Sharing agreement revoked (撤销)' },
  STANDARD_CHANGED: { family: 'STANDARD', label: 'Assistance standard or policy changed (标准调整)' },
  USER_CREATED: { family: 'USER', label: 'User created (新建用户)' },
  USER_DISABLED: { family: 'USER', label: 'User disabled (停用用户)' },
  USER_ROLE_CHANGED: { family: 'USER', label: "User's role changed (变更角色)" },
  USER_PASSWORD_RESET: { family: 'USER', label: "User's password reset by an administrator (重置密码)" },
  USER_PASSWORD_CHANGED: { family: 'USER', label: 'User changed their own password (修改密码)' },
  API_CLIENT_CREATED: { family: 'API_CLIENT', label: 'API client created (新建接口客户端)' },
  API_CLIENT_ROTATED: { family: 'API_CLIENT', label: "API client's secret rotated (更换密钥)" },
  API_CLIENT_REVOKED: { family: 'API_CLIENT', label: 'API client revoked (吊销接口客户端)' },
  CONNECTOR_CONFIGURED: { family: 'CONNECTOR', label: 'Department connector configured (配置实时接口)' },
  CONSENT_RECORDED: { family: 'CONSENT', label: 'Consent recorded (登记授权)' },
  CONSENT_WITHDRAWN: { family: 'CONSENT', label: 'Consent withdrawn (撤回授权)' },
  CONSENT_PURGED: {
    family: 'CONSENT',
    label: 'Consent deleted at the end of its retention after it ended (到期删除已终止的授权)',
  },
  VERIFICATION_REQUEST_PURGED: {
    family: 'VERIFICATION_REQUEST',
    label: 'Verification request deleted at the end of its retention after it closed (到期删除已办结的核对申请)',
  },
  SNAPSHOT_SWITCHED: { family: 'SNAPSHOT', label: 'Dataset snapshot switched (数据快照切换)' },
  SNAPSHOT_PURGED: {
    family: 'SNAPSHOT',
    label: 'Dataset snapshot purged at the end of its retention (到期删除数据快照)',
  },
  AUDIT_MONTH_ARCHIVED: { family: 'AUDIT_ARCHIVE', label: 'Audit month archived to a signed file (审计日志归档)' },
  DISCREPANCY_CASE_STEP: { family: 'DISCREPANCY_CASE', label: 'Discrepancy case step recorded (疑点核查办理)' },
};

/** The fields whose values differ between two records (every field of `after` when there was none before). */
export function fieldChanges<T extends Record<string, ChangeValue>>(before: T | null, after: T): FieldChange[] {
  return Object.keys(after)
    .filter((field) => before === null || JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, old: before?.[field] ?? null, new: after[field] ?? null }));
}
