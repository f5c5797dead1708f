import { createPrismaClient } from '@hub/prisma';
import { createHttpApp } from '@hub/server/http/create-http-app';
import { afterAll } from 'vitest';
import { asRuntimeRole } from '../setup/test-database.ts';

export interface GraphqlAnswer<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

const errorsToStderr = {
  write(line: string) {
    if (/"level":(5|6)\d/.test(line)) process.stderr.write(line);
  },
};

/**
 * The real HTTP app on a free port, closed after the file's tests; with a Prisma client for fixtures. Limits,
 * session policy and the log stream can be set per file (the defaults are the environment's, as in production).
 */
export async function startTestApp(
  databaseUrl: string,
  options: Pick<
    Parameters<typeof createHttpApp>[0],
    'enforcement' | 'limits' | 'sessions' | 'logger' | 'progressHeartbeatMs' | 'auditCheckpoints' | 'discrepancyCases'
  > = {},
) {
  // The app as the hub runs, with only its runtime role's grants; fixtures go in through the superuser's client.
  // Unless a file reads the log itself, the hub's errors (level 50 and up: an unexpected error with its request id
  // and cause) go to the test's stderr, so that an INTERNAL_SERVER_ERROR in a test names its cause.
  const http = await createHttpApp({ databaseUrl: asRuntimeRole(databaseUrl), logger: errorsToStderr, ...options });
  const url = await http.listen(0, '127.0.0.1');
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  afterAll(async () => {
    await http.close();
    await prisma.$disconnect();
  });

  async function graphql<Data = Record<string, unknown>>(
    query: string,
    options: {
      variables?: Record<string, unknown>;
      token?: string;
      /** The declared purpose, sent as `x-hub-purpose`. */
      purpose?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<GraphqlAnswer<Data> & { status: number; headers: Headers }> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.purpose ? { 'x-hub-purpose': options.purpose } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    return { ...((await response.json()) as GraphqlAnswer<Data>), status: response.status, headers: response.headers };
  }

  async function logIn(username: string, password: string): Promise<string> {
    const answer = await graphql<{ logIn: { token: string } }>(
      'mutation ($username: String!, $password: String!) { logIn(username: $username, password: $password) { token } }',
      { variables: { username, password } },
    );
    if (!answer.data?.logIn) throw new Error(`logIn failed: ${JSON.stringify(answer.errors)}`);
    return answer.data.logIn.token;
  }

  return { http, url, prisma, graphql, logIn };
}
