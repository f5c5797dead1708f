import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';
import { auditEntriesByRequest, type DemoRegion, loadDemoRegion } from './support/demo-region.ts';
import { postGraphql } from './support/graphql-client.ts';
import { type HubServer, runHubCommand, startHubServer } from './support/hub-processes.ts';

// Fifty partner clients at once for a minute against a real hub process and the demo region. Every request is
// answered without an error, and the audit trail holds entries for exactly the requests that were answered,
// matched by the request id each answer carries; then `hub audit verify` finds the chain intact.

const CLIENTS = 50;
const DURATION_MS = 60_000;
const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const QUERIES = [
  'query ($idNumber: String!) { person(idNumber: $idNumber) { name } }',
  'query ($idNumber: String!) { householdOf(idNumber: $idNumber) { id members { name } } }',
];

const database = await createTestDatabase();
let demo: DemoRegion;
let hub: HubServer;

beforeAll(async () => {
  demo = await loadDemoRegion(database.url, { persons: 1_000 });
  hub = await startHubServer(database.url);
});
afterAll(() => hub?.stop());

describe('fifty partner clients for a minute', () => {
  it('are all answered, each answered request audited under its request id and nothing else, the chain intact', async () => {
    const answered = new Map<string, number>();
    const failures: string[] = [];
    const deadline = performance.now() + DURATION_MS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; performance.now() < deadline; n++) {
          const requestId = `load-${client}-${n}`;
          const idNumber = demo.idNumbers[(client * 7919 + n) % demo.idNumbers.length];
          try {
            const answer = await postGraphql(
              hub.url,
              { query: QUERIES[n % QUERIES.length], variables: { idNumber } },
              { token: demo.partnerToken, purpose: PURPOSE, requestId, timeoutMs: 30_000 },
            );
            if (answer.status !== 200 || answer.body?.errors || !answer.body?.data) {
              failures.push(`${requestId}: ${answer.status} ${answer.text.slice(0, 200)}`);
            } else if (answer.requestId !== requestId) {
              failures.push(`${requestId}: answered under request id ${answer.requestId}`);
            } else {
              answered.set(requestId, n % QUERIES.length);
            }
          } catch (error) {
            failures.push(`${requestId}: no answer: ${(error as Error).message}`);
          }
        }
      }),
    );
    console.log(`${answered.size} requests answered in ${DURATION_MS / 1000} s by ${CLIENTS} clients`);
    expect(failures.slice(0, 10), `${failures.length} failed`).toEqual([]);
    // Every client was served throughout (how many per second is `pnpm bench api`'s to measure, not a test's).
    const clientsServed = new Set([...answered.keys()].map((id) => id.split('-')[1]));
    expect(clientsServed.size).toBe(CLIENTS);

    const audited = await auditEntriesByRequest(database.url);
    const auditedLoad = [...audited.keys()].filter((id) => id.startsWith('load-'));
    expect(auditedLoad.filter((id) => !answered.has(id))).toEqual([]); // no entry without an answered request
    expect([...answered.keys()].filter((id) => !audited.has(id))).toEqual([]); // every answered request has its entries
    expect(auditedLoad).toHaveLength(answered.size);

    const verify = await runHubCommand(database.url, ['audit', 'verify']);
    expect(verify.output).toContain('audit chain intact');
    expect(verify.code).toBe(0);
  });
});
