/** The limits that keep one caller from exhausting the hub; each has an environment variable (README, Operations). */
export interface HttpLimits {
  /** Deepest selection nesting of one operation (introspection's __schema is not counted). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in one GraphQL document. */
  maxTokens: number;
  /** graphql-armor's cost: each object and scalar field costs, the deeper the dearer. */
  maxCost: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Bytes of a JSON request body (/graphql, /oauth/token). */
  bodyLimitBytes: number;
  /** Bytes of one dataset snapshot upload (PUT /datasets/:dataset/snapshots), streamed. */
  uploadLimitBytes: number;
  /** Requests per caller (user, API client, or anonymous IP address) per window; 0 turns rate limiting off. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Requests answered at once by this instance; beyond it 503 OVERLOADED (probes exempt); 0 = no limit. */
  maxInFlightRequests: number;
  /** Origins allowed to call the API from a browser; none = same origin only. */
  corsOrigins: readonly string[];
  /** The bearer token that /metrics requires; unset = /metrics answers 404. */
  metricsToken: string | undefined;
  /** Sends Strict-Transport-Security: only when the hub is served over TLS (directly or by its proxy). */
  hsts: boolean;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not "${raw}"`);
  return value;
}

function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*' || !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new Error(`HUB_CORS_ORIGINS lists origins like https://portal.example.org, never "*": not "${origin}"`);
    }
  }
  return origins;
}

/** The limits from the environment, each falling back to its default. */
export function readHttpLimits(env: NodeJS.ProcessEnv = process.env): HttpLimits {
  return {
    maxDepth: integer(env, 'HUB_GRAPHQL_MAX_DEPTH', 8),
    maxAliases: integer(env, 'HUB_GRAPHQL_MAX_ALIASES', 15),
    maxTokens: integer(env, 'HUB_GRAPHQL_MAX_TOKENS', 1000),
    maxCost: integer(env, 'HUB_GRAPHQL_MAX_COST', 5000),
    maxDirectives: integer(env, 'HUB_GRAPHQL_MAX_DIRECTIVES', 50),
    bodyLimitBytes: integer(env, 'HUB_BODY_LIMIT_BYTES', 100 * 1024),
    uploadLimitBytes: integer(env, 'HUB_UPLOAD_LIMIT_BYTES', 4 * 1024 ** 3),
    rateLimitMax: integer(env, 'HUB_RATE_LIMIT_MAX', 1200),
    rateLimitWindowMs: integer(env, 'HUB_RATE_LIMIT_WINDOW_MS', 60_000),
    maxInFlightRequests: integer(env, 'HUB_MAX_IN_FLIGHT_REQUESTS', 128),
    corsOrigins: corsOrigins(env.HUB_CORS_ORIGINS),
    metricsToken: env.HUB_METRICS_TOKEN?.trim() || undefined,
    hsts: env.HUB_HSTS === 'true',
  };
}

/** Development shows stack traces; anything else is treated as production. */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.HUB_ENV === 'development' || env.NODE_ENV === 'development';
}
