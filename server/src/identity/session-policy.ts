/** How long a user's session lasts: at most `ttlMs` after logging in, and ends sooner after `idleMs` unused. */
export interface SessionPolicy {
  ttlMs: number;
  idleMs: number;
}

function minutes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback * 60_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of minutes ≥ 1, not "${raw}"`);
  return value * 60_000;
}

/** HUB_SESSION_TTL_MINUTES (default 720: 12 hours) and HUB_SESSION_IDLE_MINUTES (default 30). */
export function readSessionPolicy(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  return { ttlMs: minutes(env, 'HUB_SESSION_TTL_MINUTES', 720), idleMs: minutes(env, 'HUB_SESSION_IDLE_MINUTES', 30) };
}
