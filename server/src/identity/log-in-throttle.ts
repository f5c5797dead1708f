import type { PrismaClient } from '@hub/prisma';

/** Failures a (username, source address) pair may make before it has to wait. */
export const FREE_FAILURES = 3;
/** The longest a pair ever waits between two tries. */
export const MAX_DELAY_SECONDS = 15 * 60;
// A pair that has not tried for this long starts counting from nothing.
const FORGET_AFTER = '1 day';

/** Who is trying: the username as sent (trimmed, lower-cased, at most 64 characters) from one source address. */
export interface LogInAttempt {
  username: string;
  sourceAddress: string;
}

export type ThrottleAnswer = { admitted: true } | { admitted: false; retryAt: Date; retryAfterSeconds: number };

const keyOf = (attempt: LogInAttempt) => [attempt.username.trim().toLowerCase().slice(0, 64), attempt.sourceAddress];

/**
 * Admits a log-in attempt unless its pair is still waiting, and counts it as a failure in the same statement, so
 * that parallel tries cannot slip past the count; a success forgives it (`forgiveLogInFailures`). From the
 * FREE_FAILURES-th failure on the pair waits 1 s, then 2 s, 4 s, … up to MAX_DELAY_SECONDS. Unknown and known
 * usernames are counted alike, and times are the database's, so every instance shares one count.
 */
export async function admitLogInAttempt(prisma: PrismaClient, attempt: LogInAttempt): Promise<ThrottleAnswer> {
  const [username, sourceAddress] = keyOf(attempt);
  const rows = await prisma.$queryRaw<
    { admitted: boolean | null; retry_at: Date | null; retry_after: number | null }[]
  >`
    WITH counted AS (
      INSERT INTO log_in_throttles AS t (username, source_address, failures, last_attempt_at, blocked_until)
      VALUES (${username}, ${sourceAddress}, 1, now(), NULL)
      ON CONFLICT (username, source_address) DO UPDATE SET
        failures = EXCLUDED.failures + CASE WHEN t.last_attempt_at < now() - ${FORGET_AFTER}::interval THEN 0 ELSE t.failures END,
        last_attempt_at = now(),
        blocked_until = CASE
          WHEN t.last_attempt_at < now() - ${FORGET_AFTER}::interval OR t.failures + 1 < ${FREE_FAILURES}::int THEN NULL
          ELSE now() + least(${MAX_DELAY_SECONDS}::int, power(2, t.failures + 1 - ${FREE_FAILURES}::int)) * interval '1 second'
        END
      WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
      RETURNING true AS admitted
    )
    SELECT (SELECT admitted FROM counted) AS admitted, waiting.blocked_until AS retry_at,
           ceil(extract(epoch FROM waiting.blocked_until - now()))::int AS retry_after
    FROM (SELECT 1) AS one
    LEFT JOIN log_in_throttles AS waiting ON waiting.username = ${username} AND waiting.source_address = ${sourceAddress}`;
  const row = rows[0];
  if (row?.admitted) return { admitted: true };
  // A parallel try blocked the pair after this statement's snapshot was taken: the wait it set is at least 1 s.
  const retryAfterSeconds = Math.max(1, row?.retry_after ?? 1);
  const retryAt = row?.retry_at && row.retry_after && row.retry_after > 0 ? row.retry_at : new Date(Date.now() + 1000);
  return { admitted: false, retryAt, retryAfterSeconds };
}

/** A successful log-in clears its pair's count; pairs idle for a day are dropped on the way. */
export async function forgiveLogInFailures(prisma: PrismaClient, attempt: LogInAttempt): Promise<void> {
  const [username, sourceAddress] = keyOf(attempt);
  await prisma.$executeRaw`
    DELETE FROM log_in_throttles
    WHERE (username = ${username} AND source_address = ${sourceAddress})
       OR last_attempt_at < now() - ${FORGET_AFTER}::interval`;
}
