import type {
  AssessmentFlagCode,
  CaseReferralStatus,
  DiscrepancyCaseAction,
  DiscrepancyCaseEventType,
  DiscrepancyCaseOutcome,
  DiscrepancyDismissalReason,
  ReferralNeed,
} from '@hub/prisma';

interface Decision {
  outcome: DiscrepancyCaseOutcome;
  action: DiscrepancyCaseAction | null;
  dismissalReason: DiscrepancyDismissalReason | null;
  note: string | null;
}

/** The typed details each kind of case event keeps (discrepancy_case_events.details). */
export interface DiscrepancyCaseEventDetails extends Record<DiscrepancyCaseEventType, object> {
  OPENED: { flags: AssessmentFlagCode[]; dueOn: string; workingDays: number };
  FLAGS_JOINED: { flags: AssessmentFlagCode[] };
  ASSIGNED: { assigneeId: string; assigneeUsername: string; previousAssigneeId: string | null };
  VISIT_RECORDED: { visitedOn: string; notes: string };
  EXPLANATION_RECORDED: { explanation: string };
  ATTACHMENT_ADDED: { attachmentId: string; fileName: string; sha256: string; sizeBytes: number };
  DECIDED: Decision & { appealableUntil: string };
  APPEALED: { evidence: string; dueOn: string };
  APPEAL_DECIDED: Decision & { firstDeciderId: string | null };
  CLOSED: { closure: 'RESOLVED' };
  CLEARED_BY_RUN: { flags: AssessmentFlagCode[] };
  REMINDED: { dueOn: string };
  ESCALATED: { dueOn: string; toRegionCode: string };
  REFERRED: { referralId: string; departmentId: string; departmentName: string; needs: ReferralNeed[]; reason: string };
  REFERRAL_ANSWERED: {
    referralId: string;
    departmentId: string;
    status: Exclude<CaseReferralStatus, 'REFERRED'>;
    answer: string;
  };
}
