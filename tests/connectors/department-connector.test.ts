import { createDepartmentConnector } from '@hub/server/connectors/create-department-connector';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uniqueIdNumber } from '../factories/unique.ts';

// msw stands in for a bank's own HTTP API; everything on the hub's side is the real connector.

const BASE = 'https://api.bank.example.test/verification/v1';
const api = setupServer();
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.resetHandlers());
afterAll(() => api.close());

const persons = (count: number) => Array.from({ length: count }, () => uniqueIdNumber().idNumber);
const answerFor = (idNumbers: string[]) => ({
  asOf: '2026-11-30',
  records: idNumbers.map((idNumber) => ({ idNumber, accountNumber: `6222${idNumber.slice(-6)}`, balanceFen: 120_000 })),
  notFound: [],
});
const body = async (request: Request) => (await request.json()) as { dataset: string; idNumbers: string[] };

const connect = (
  settings: Parameters<typeof createDepartmentConnector>[0] extends infer S ? Partial<S & object> : never = {},
) =>
  createDepartmentConnector({
    baseUrl: BASE,
    token: 'secret-token',
    dataset: 'BANK_DEPOSIT',
    backoffMs: 10,
    timeoutMs: 300,
    ...settings,
  });

describe('a live connector to a department', () => {
  it('asks in batches, never more at once than its cap, with its credentials and the dataset', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: { authorization: string | null; dataset: string; size: number }[] = [];
    api.use(
      http.post(`${BASE}/records:query`, async ({ request }) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        const { dataset, idNumbers } = await body(request);
        seen.push({ authorization: request.headers.get('authorization'), dataset, size: idNumbers.length });
        await delay(30);
        inFlight -= 1;
        return HttpResponse.json(answerFor(idNumbers));
      }),
    );
    // A timeout far above the handler's 30 ms: on a loaded machine a 300 ms one retried a batch, which is another test's.
    const connector = connect({ batchSize: 40, concurrency: 2, timeoutMs: 30_000 });
    const asked = persons(150);
    const result = await connector.fetchRecords(asked);
    expect(seen.map((request) => request.size).sort((a, b) => a - b)).toEqual([30, 40, 40, 40]);
    expect(new Set(seen.map((request) => `${request.authorization} ${request.dataset}`))).toEqual(
      new Set(['Bearer secret-token BANK_DEPOSIT']),
    );
    expect(most).toBe(2);
    expect(result.records.map((record) => record.idNumber).sort()).toEqual([...asked].sort());
    expect(result.unanswered).toEqual([]);
    expect(result.asOf).toBe('2026-11-30');
  });

  it('tries a timed-out batch again, and gives it up as TIMEOUT after its retries', async () => {
    let calls = 0;
    api.use(
      http.post(`${BASE}/records:query`, async () => {
        calls += 1;
        await delay(1_000);
        return HttpResponse.json(answerFor([]));
      }),
    );
    const asked = persons(3);
    const result = await connect({ retries: 2, timeoutMs: 100 }).fetchRecords(asked);
    expect(calls).toBe(3);
    expect(result.records).toEqual([]);
    expect(result.unanswered).toEqual(asked.map((idNumber) => ({ idNumber, failure: 'TIMEOUT' })));
  });

  it('recovers from a 5xx on the next attempt', async () => {
    let calls = 0;
    api.use(
      http.post(`${BASE}/records:query`, async ({ request }) => {
        calls += 1;
        if (calls === 1) return new HttpResponse('maintenance', { status: 503 });
        return HttpResponse.json(answerFor((await body(request)).idNumbers));
      }),
    );
    const result = await connect().fetchRecords(persons(5));
    expect(calls).toBe(2);
    expect(result.records).toHaveLength(5);
    expect(result.unanswered).toEqual([]);
  });

  it('waits as long as a 429 Retry-After says before it asks again', async () => {
    const times: number[] = [];
    api.use(
      http.post(`${BASE}/records:query`, async ({ request }) => {
        times.push(performance.now());
        if (times.length === 1) return new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } });
        return HttpResponse.json(answerFor((await body(request)).idNumbers));
      }),
    );
    const result = await connect({ backoffMs: 1 }).fetchRecords(persons(2));
    expect(result.records).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once on a Retry-After longer than it may wait, rather than holding the run', async () => {
    let calls = 0;
    api.use(
      http.post(`${BASE}/records:query`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } });
      }),
    );
    const result = await connect({ maxRetryAfterMs: 2_000 }).fetchRecords(persons(1));
    expect(calls).toBe(1);
    expect(result.unanswered.map((entry) => entry.failure)).toEqual(['RATE_LIMITED']);
  });

  it('takes a malformed answer for no answer, without retrying and without a single record of it', async () => {
    let calls = 0;
    api.use(
      http.post(`${BASE}/records:query`, () => {
        calls += 1;
        return HttpResponse.json({ asOf: 'yesterday', records: [{ idNumber: 'x' }] });
      }),
    );
    const asked = persons(2);
    const result = await connect().fetchRecords(asked);
    expect(calls).toBe(1);
    expect(result.records).toEqual([]);
    expect(result.unanswered).toEqual(asked.map((idNumber) => ({ idNumber, failure: 'MALFORMED_ANSWER' })));
  });

  it('keeps a partial answer, names the persons it left out, and ignores records of persons not asked', async () => {
    const [found, missing, absent] = persons(3) as [string, string, string];
    const stranger = uniqueIdNumber().idNumber;
    api.use(
      http.post(`${BASE}/records:query`, () =>
        HttpResponse.json({ ...answerFor([found, stranger]), notFound: [missing] }),
      ),
    );
    const result = await connect().fetchRecords([found, missing, absent]);
    expect(result.records.map((record) => record.idNumber)).toEqual([found]);
    expect(result.notFound).toEqual([missing]);
    expect(result.unanswered).toEqual([{ idNumber: absent, failure: 'NOT_IN_ANSWER' }]);
  });

  it('opens its circuit when the department keeps failing, fails fast while open, and closes once it answers again', async () => {
    let calls = 0;
    let healthy = false;
    api.use(
      http.post(`${BASE}/records:query`, async ({ request }) => {
        calls += 1;
        if (!healthy) return new HttpResponse(null, { status: 500 });
        return HttpResponse.json(answerFor((await body(request)).idNumbers));
      }),
    );
    const connector = connect({
      retries: 0,
      batchSize: 1,
      concurrency: 1,
      circuitMinimumBatches: 3,
      circuitErrorPercentage: 50,
      circuitResetMs: 300,
    });
    const first = await connector.fetchRecords(persons(6));
    expect(connector.circuit()).toBe('OPEN');
    const failures = first.unanswered.map((entry) => entry.failure);
    expect(failures.filter((failure) => failure === 'SERVER_ERROR').length).toBe(calls);
    expect(failures.filter((failure) => failure === 'CIRCUIT_OPEN').length).toBe(6 - calls);
    expect(calls).toBeLessThan(6);

    const callsWhileOpen = calls;
    const whileOpen = await connector.fetchRecords(persons(2));
    expect(calls).toBe(callsWhileOpen); // nothing reached the department
    expect(whileOpen.unanswered.map((entry) => entry.failure)).toEqual(['CIRCUIT_OPEN', 'CIRCUIT_OPEN']);

    healthy = true;
    await delay(350);
    const recovered = await connector.fetchRecords(persons(2));
    expect(recovered.records).toHaveLength(2);
    expect(connector.circuit()).toBe('CLOSED');
    connector.shutdown();
  });
});
