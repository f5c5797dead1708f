export interface GraphqlAnswer {
  status: number;
  requestId: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  /** The body as text when it was not JSON. */
  text: string;
  milliseconds: number;
}

/** One POST /graphql; `body` is sent as given when a string or bytes, else as JSON. */
export async function postGraphql(
  url: string,
  body: unknown,
  options: { token?: string; purpose?: string; contentType?: string; requestId?: string; timeoutMs?: number } = {},
): Promise<GraphqlAnswer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.purpose ? { 'x-hub-purpose': options.purpose } : {}),
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let parsed: GraphqlAnswer['body'] = null;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: parsed,
    text,
    milliseconds: performance.now() - started,
  };
}

export async function logIn(url: string, username: string, password: string): Promise<string> {
  const answer = await postGraphql(url, {
    query: 'mutation ($u: String!, $p: String!) { logIn(username: $u, password: $p) { token } }',
    variables: { u: username, p: password },
  });
  const token = (answer.body?.data?.logIn as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`logIn failed: ${answer.text}`);
  return token;
}

/** The GraphQL error codes of an answer. */
export function errorCodes(answer: GraphqlAnswer): string[] {
  return (answer.body?.errors ?? []).map((error) => String(error.extensions?.code));
}
