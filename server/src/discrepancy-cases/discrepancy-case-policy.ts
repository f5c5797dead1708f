import type { ComparisonKind } from '@hub/prisma';
import {
  APPEAL_WINDOW_WORKING_DAYS,
  DISCREPANCY_CASE_DEADLINES,
  REMINDER_LEAD_WORKING_DAYS,
} from '@hub/prisma/policy/discrepancy-case-deadlines';

/** The deadlines an installation works discrepancy cases by, in official working days. */
export interface DiscrepancyCasePolicy {
  deadlineWorkingDays: Record<ComparisonKind, number>;
  appealWorkingDays: number;
  reminderWorkingDays: number;
  /** Bytes of one attachment; sent base64 in a GraphQL body, it must fit HUB_BODY_LIMIT_BYTES (100 KiB by default). */
  maxAttachmentBytes: number;
}

const DEFAULT_MAX_ATTACHMENT_BYTES = 64 * 1024;

const KINDS = Object.keys(DISCREPANCY_CASE_DEADLINES) as ComparisonKind[];

function wholeNumber(name: string, value: string, max = 400): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > max) {
    throw new Error(`${name}: expected a whole number from 1 to ${max}, got "${value}"`);
  }
  return days;
}

/**
 * The policy data's deadlines, with the environment's overrides: HUB_CASE_DEADLINES ("APPLICATION=25,
 * PERIODIC_REVIEW=15"; an APPLICATION deadline may not pass its extended maximum of 40), HUB_CASE_APPEAL_WORKING_DAYS,
 * HUB_CASE_REMINDER_WORKING_DAYS, HUB_CASE_ATTACHMENT_MAX_BYTES. A malformed value stops the hub rather than silently counting the default.
 */
export function readDiscrepancyCasePolicy(env: NodeJS.ProcessEnv = process.env): DiscrepancyCasePolicy {
  const deadlineWorkingDays = Object.fromEntries(
    KINDS.map((kind) => [kind, DISCREPANCY_CASE_DEADLINES[kind].workingDays]),
  ) as Record<ComparisonKind, number>;
  for (const entry of (env.HUB_CASE_DEADLINES ?? '').split(',').filter((part) => part.trim())) {
    const [kind = '', days = ''] = entry.split('=').map((part) => part.trim());
    if (!KINDS.includes(kind as ComparisonKind)) {
      throw new Error(`HUB_CASE_DEADLINES: unknown comparison kind "${kind}" (one of ${KINDS.join(', ')})`);
    }
    const max = DISCREPANCY_CASE_DEADLINES[kind as ComparisonKind].maxWorkingDays ?? undefined;
    deadlineWorkingDays[kind as ComparisonKind] = wholeNumber(`HUB_CASE_DEADLINES ${kind}`, days, max);
  }
  return {
    deadlineWorkingDays,
    appealWorkingDays: env.HUB_CASE_APPEAL_WORKING_DAYS
      ? wholeNumber('HUB_CASE_APPEAL_WORKING_DAYS', env.HUB_CASE_APPEAL_WORKING_DAYS)
      : APPEAL_WINDOW_WORKING_DAYS,
    reminderWorkingDays: env.HUB_CASE_REMINDER_WORKING_DAYS
      ? wholeNumber('HUB_CASE_REMINDER_WORKING_DAYS', env.HUB_CASE_REMINDER_WORKING_DAYS)
      : REMINDER_LEAD_WORKING_DAYS,
    maxAttachmentBytes: env.HUB_CASE_ATTACHMENT_MAX_BYTES
      ? wholeNumber('HUB_CASE_ATTACHMENT_MAX_BYTES', env.HUB_CASE_ATTACHMENT_MAX_BYTES, 16 * 1024 * 1024)
      : DEFAULT_MAX_ATTACHMENT_BYTES,
  };
}
