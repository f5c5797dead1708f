import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@hub/server/database/embedded-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocumentedExample,
  documentationFiles,
  documentedExamples,
  repositoryRoot,
} from '../support/documented-examples.ts';
import { type HubProcess, startHubProcess } from '../support/hub-process.ts';
import { findOutputMismatch } from '../support/match-documented-output.ts';
import { openShellSession, type ShellSession } from '../support/shell-session.ts';

// Every example the docs mark `run` is pasted, as a newcomer would, into a terminal beside a demo hub: the
// working directory holds the hub's `.hub-data` and a `./hub`, and localhost:4000 is the test hub's port.
const pages = documentationFiles().map((file) => ({ file, examples: documentedExamples(file) }));

const workDirectory = mkdtempSync(join(tmpdir(), 'hub-docs-'));
// As root the embedded server runs as another OS user, who must be able to enter the data dir's parents.
chmodSync(workDirectory, 0o755);
const dataDirectory = join(workDirectory, '.hub-data');
let hub: HubProcess | undefined;
let port = 0;

beforeAll(async () => {
  port = await findFreePort();
  hub = await startHubProcess(['start', '--port', String(port), '--data-dir', dataDirectory]);
  // The repository's own ./hub, as a newcomer runs it from the checkout.
  writeFileSync(join(workDirectory, 'hub'), `#!/bin/sh\nexec '${join(repositoryRoot, 'hub')}' "$@"\n`, { mode: 0o755 });
});

afterAll(async () => {
  await hub?.stop('SIGTERM');
  rmSync(workDirectory, { recursive: true, force: true });
});

function onTestPort(text: string): string {
  return text.replace(/\b(localhost|127\.0\.0\.1):4000\b/g, `$1:${port}`);
}

const tokens = new Map<string, Promise<string>>();

function tokenOf(caller: string): Promise<string> {
  let token = tokens.get(caller);
  if (!token) {
    token = caller === 'housing' ? clientToken('housing') : staffToken(caller);
    tokens.set(caller, token);
  }
  return token;
}

async function staffToken(username: string): Promise<string> {
  const password = readFileSync(join(dataDirectory, `initial-${username}-password`), 'utf8').trim();
  const answer = await postGraphql(
    'mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { token } }',
    {},
    { u: username, p: password },
  );
  const token = (answer as { data?: { logIn?: { token?: string } } }).data?.logIn?.token;
  if (!token) throw new Error(`${username} cannot log in: ${JSON.stringify(answer)}`);
  return token;
}

async function clientToken(name: string): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: readFileSync(join(dataDirectory, `${name}-client-id`), 'utf8').trim(),
    client_secret: readFileSync(join(dataDirectory, `${name}-client-secret`), 'utf8').trim(),
  });
  const answer = (await (await fetch(`http://127.0.0.1:${port}/oauth/token`, { method: 'POST', body })).json()) as {
    access_token?: string;
  };
  if (!answer.access_token) throw new Error(`the ${name} client gets no token: ${JSON.stringify(answer)}`);
  return answer.access_token;
}

async function postGraphql(query: string, headers: Record<string, string>, variables: object = {}): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function runGraphqlExample(example: DocumentedExample): Promise<void> {
  const { as: caller, purpose } = example.options;
  const headers: Record<string, string> = {};
  if (caller && caller !== 'anonymous') headers.authorization = `Bearer ${await tokenOf(caller)}`;
  if (purpose) headers['x-hub-purpose'] = purpose;
  const answer = await postGraphql(example.code, headers);
  if (example.expectedOutput === undefined) {
    expect((answer as { errors?: unknown }).errors, JSON.stringify(answer)).toBeUndefined();
  } else {
    expect(findOutputMismatch(onTestPort(example.expectedOutput), JSON.stringify(answer))).toBeNull();
  }
}

async function runShellExample(shell: ShellSession, example: DocumentedExample): Promise<void> {
  const { code, output } = await shell.run(onTestPort(example.code));
  expect(code, output).toBe(Number(example.options.exit ?? 0));
  if (example.expectedOutput !== undefined) {
    expect(findOutputMismatch(onTestPort(example.expectedOutput), output)).toBeNull();
  }
}

describe('documented examples', () => {
  for (const { file, examples } of pages.filter((page) => page.examples.length > 0)) {
    describe(file, () => {
      let shell: ShellSession;
      beforeAll(() => {
        const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDirectory };
        delete env.DATABASE_URL;
        shell = openShellSession({ cwd: workDirectory, env });
      });
      afterAll(() => shell.close());

      for (const example of examples) {
        const title = `${file}:${example.line} ${example.code.split('\n')[0]}`;
        it(title, async () => {
          if (example.language === 'graphql') await runGraphqlExample(example);
          else await runShellExample(shell, example);
        });
      }
    });
  }
});
