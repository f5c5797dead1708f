/** 网络安全法 art. 21: network logs are kept for no less than six months; the hub never keeps fewer online. */
export const MINIMUM_AUDIT_RETENTION_MONTHS = 6;

/**
 * HUB_AUDIT_RETENTION_MONTHS: how many whole months before the current one stay in the database (default 6); older
 * months are what `hub audit archive` exports and drops. Fewer than 6 is refused.
 */
export function auditRetentionMonths(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.HUB_AUDIT_RETENTION_MONTHS?.trim();
  if (text === undefined || text === '') return MINIMUM_AUDIT_RETENTION_MONTHS;
  const months = Number(text);
  if (!Number.isInteger(months) || months < MINIMUM_AUDIT_RETENTION_MONTHS) {
    throw new Error(
      `HUB_AUDIT_RETENTION_MONTHS=${text} is refused: the audit trail stays online at least ` +
        `${MINIMUM_AUDIT_RETENTION_MONTHS} months (网络安全法 第二十一条 / Cybersecurity Law art. 21: network logs are ` +
        `kept for no less than six months); give a whole number of months, ${MINIMUM_AUDIT_RETENTION_MONTHS} or more`,
    );
  }
  return months;
}
