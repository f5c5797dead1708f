import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// A client that is still uploading a body over the limit must be able to read the 413: the hub answers, keeps the
// connection open and reads the rest of the body, so the client's writes never meet a reset (EPIPE, `fetch failed`).
// A raw socket makes the order explicit: the answer arrives first, then the client goes on writing.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const { hostname, port } = new URL(hub.url);
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A socket to the hub that collects what it receives, and reads one answer at a time from it. */
async function openConnection() {
  const socket = connect(Number(port), hostname);
  sockets.push(socket);
  await once(socket, 'connect');
  let received = Buffer.alloc(0);
  let closed = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  socket.on('error', () => {});
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ready()) {
          waiters.delete(check);
          resolve();
        } else if (closed) {
          waiters.delete(check);
          reject(new Error('the hub closed the connection'));
        }
      };
      waiters.add(check);
      check();
    });

  async function readAnswer(): Promise<RawAnswer> {
    await until(() => received.includes('\r\n\r\n'));
    const headEnd = received.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = received.subarray(0, headEnd).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length']);
    await until(() => received.length >= headEnd + 4 + length);
    const body = received.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    received = received.subarray(headEnd + 4 + length);
    return { status: Number(statusLine?.split(' ')[1]), headers, body };
  }
  const write = (data: string | Buffer) =>
    new Promise<void>((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
  return { socket, readAnswer, write, isClosed: () => closed };
}

const SMALL_QUERY = JSON.stringify({ query: '{ __typename }' });
const postHead = (headers: string) =>
  `POST /graphql HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\n${headers}\r\n`;

async function askTypename(connection: Awaited<ReturnType<typeof openConnection>>): Promise<RawAnswer> {
  await connection.write(`${postHead(`content-length: ${Buffer.byteLength(SMALL_QUERY)}\r\n`)}${SMALL_QUERY}`);
  return connection.readAnswer();
}

describe('a request body over the limit', () => {
  it('is refused on its Content-Length before it is sent, and the client can finish uploading and go on', async () => {
    const bodyBytes = 2 * 1024 * 1024;
    const connection = await openConnection();
    await connection.write(postHead(`content-length: ${bodyBytes}\r\n`));
    await connection.write(Buffer.alloc(64 * 1024, 'x'));

    const refusal = await connection.readAnswer();
    expect(refusal.status).toBe(413);
    expect(refusal.headers.connection).not.toBe('close');
    expect(JSON.parse(refusal.body)).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });

    for (let sent = 64 * 1024; sent < bodyBytes; sent += 64 * 1024) {
      await connection.write(Buffer.alloc(Math.min(64 * 1024, bodyBytes - sent), 'x'));
    }
    const next = await askTypename(connection);
    expect([next.status, JSON.parse(next.body)]).toEqual([200, { data: { __typename: 'Query' } }]);
  });

  it('is read to its end when chunked, then refused, and the connection serves the next request', async () => {
    const connection = await openConnection();
    await connection.write(postHead('transfer-encoding: chunked\r\n'));
    const chunk = 'x'.repeat(32 * 1024);
    for (let sent = 0; sent < 300 * 1024; sent += chunk.length) {
      await connection.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    }
    await connection.write('0\r\n\r\n');

    const refusal = await connection.readAnswer();
    expect(refusal.status).toBe(413);
    expect(refusal.headers.connection).not.toBe('close');
    const next = await askTypename(connection);
    expect(next.status).toBe(200);
  });

  it('ends the connection after the answer when the declared body is beyond what the hub will read', async () => {
    const connection = await openConnection();
    await connection.write(postHead('content-length: 4000000000\r\n'));

    const refusal = await connection.readAnswer();
    expect([refusal.status, refusal.headers.connection]).toEqual([413, 'close']);
    await expect.poll(() => connection.isClosed() || connection.socket.readableEnded, { timeout: 10_000 }).toBe(true);
  });
});
