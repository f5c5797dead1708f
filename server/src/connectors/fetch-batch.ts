import { setTimeout as sleep } from 'node:timers/promises';
import type { ConnectorSettings } from './connector-settings.ts';
import { DepartmentAnswer } from './department-answer.ts';

/** Why a batch went unanswered; stable codes for results and logs. */
export type BatchFailure =
  | 'TIMEOUT'
  | 'NETWORK'
  | 'SERVER_ERROR'
  | 'RATE_LIMITED'
  | 'REFUSED'
  | 'MALFORMED_ANSWER'
  | 'CIRCUIT_OPEN';

export class BatchFailedError extends Error {
  constructor(
    readonly failure: BatchFailure,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

const RETRYABLE: ReadonlySet<BatchFailure> = new Set(['TIMEOUT', 'NETWORK', 'SERVER_ERROR', 'RATE_LIMITED']);

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

// Read an unwanted body to its end, so that the connection can serve the next request.
const discard = (response: Response) =>
  response.arrayBuffer().then(
    () => undefined,
    () => undefined,
  );

async function attempt(settings: ConnectorSettings, idNumbers: readonly string[]) {
  let response: Response;
  try {
    response = await fetch(`${settings.baseUrl}/records:query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.token}` },
      body: JSON.stringify({ dataset: settings.dataset, idNumbers }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { failure: timedOut ? ('TIMEOUT' as const) : ('NETWORK' as const), detail: String(error) };
  }
  if (response.status === 429) {
    await discard(response);
    return {
      failure: 'RATE_LIMITED' as const,
      detail: 'HTTP 429',
      wait: retryAfterMs(response.headers.get('retry-after')),
    };
  }
  if (response.status >= 500) {
    await discard(response);
    return { failure: 'SERVER_ERROR' as const, detail: `HTTP ${response.status}` };
  }
  if (!response.ok) {
    await discard(response);
    return { failure: 'REFUSED' as const, detail: `HTTP ${response.status}` };
  }
  const parsed = DepartmentAnswer.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    return { failure: 'MALFORMED_ANSWER' as const, detail: parsed.error.issues[0]?.message ?? 'not JSON' };
  return { answer: parsed.data };
}

/**
 * One batch, with retries: timeouts, network errors, 5xx and 429 are tried again after an exponential backoff with
 * jitter (or the department's Retry-After); a refusal or a malformed answer is final. Throws BatchFailedError.
 */
export async function fetchBatch(settings: ConnectorSettings, idNumbers: readonly string[]): Promise<DepartmentAnswer> {
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(settings, idNumbers);
    if ('answer' in result && result.answer) return result.answer;
    const last = attempts > settings.retries || !RETRYABLE.has(result.failure);
    const backoff = Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** (attempts - 1));
    const wait = 'wait' in result && result.wait != null ? result.wait : backoff / 2 + Math.random() * (backoff / 2);
    if (last || wait > settings.maxRetryAfterMs) {
      throw new BatchFailedError(result.failure, `${result.detail} after ${attempts} attempt(s)`, attempts);
    }
    await sleep(wait);
  }
}
