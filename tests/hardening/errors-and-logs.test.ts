import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Everything the hub would log, at debug level, as one string of JSON lines.
const lines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const logged = () => lines.join('');

const db = await createTestDatabase();
// The level is read when the app is made; stubbed only for that, since later files share this worker's environment
// (assigning back an unset variable would leave it set to the string "undefined").
vi.stubEnv('LOG_LEVEL', 'debug');
const hub = await startTestApp(db.url, { logger: logStream });
vi.unstubAllEnvs();

let token: string;
let person: Awaited<ReturnType<typeof createPerson>>;
const PERSON = 'query ($idNumber: String!) { person(idNumber: $idNumber) { name idNumber birthDate } }';

beforeAll(async () => {
  const regionCode = (await createRegion(hub.prisma)).code;
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const { user, password } = await createUser(hub.prisma, {
    role: 'VERIFICATION_OFFICER',
    departmentId: department.id,
  });
  token = await hub.logIn(user.username, password);
  person = await createPerson(hub.prisma, { name: '张秘密' });
});

describe('logs', () => {
  it('are JSON lines with request ids, and never carry variables, identity numbers, names or tokens', async () => {
    const answer = await hub.graphql(PERSON, {
      token,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { idNumber: person.idNumber },
      headers: { 'x-request-id': 'log-test-1' },
    });
    expect(answer.status).toBe(200);
    // The same over GET, where the variables travel in the URL.
    const url = `${hub.url}/graphql?query=${encodeURIComponent(PERSON)}&variables=${encodeURIComponent(JSON.stringify({ idNumber: person.idNumber }))}`;
    const get = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    await hub.graphql('mutation { logIn(username: "nobody", password: "a secret password") { token } }');

    const entries = logged()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((entry) => entry.reqId === 'log-test-1' && entry.msg === 'incoming request')).toBe(true);
    expect(entries.find((entry) => entry.reqId === 'log-test-1' && entry.req)?.req).toMatchObject({
      method: 'POST',
      path: '/graphql',
    });
    const text = logged();
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(token);
    expect(text).not.toContain('a secret password');
  });
});

describe('an unexpected error', () => {
  it('answers INTERNAL_SERVER_ERROR with the request id and nothing else, and is logged under that id', async () => {
    await hub.prisma.$executeRawUnsafe('ALTER TABLE persons RENAME TO persons_hidden');
    try {
      const answer = await hub.graphql(PERSON, {
        token,
        purpose: 'MINIMUM_LIVING_GUARANTEE',
        variables: { idNumber: person.idNumber },
      });
      const requestId = answer.headers.get('x-request-id');
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      const body = JSON.stringify(answer);
      for (const leak of ['persons', 'relation', 'SELECT', 'stacktrace', 'at ', 'Prisma', person.idNumber]) {
        expect(body).not.toContain(leak);
      }
      const line = logged()
        .trim()
        .split('\n')
        .map((entry) => JSON.parse(entry) as Record<string, unknown>)
        .find((entry) => entry.reqId === requestId && entry.msg === 'unexpected error in a GraphQL operation');
      expect(line?.level).toBe(50);
      expect(JSON.stringify(line?.err)).toContain('persons');
      expect(logged()).not.toContain(person.idNumber);
    } finally {
      await hub.prisma.$executeRawUnsafe('ALTER TABLE persons_hidden RENAME TO persons');
    }
  });
});
