import { beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const METRICS_TOKEN = 'scraper-token-0123456789';
const hub = await startTestApp(db.url, { limits: { metricsToken: METRICS_TOKEN } });

let partner: string;
let headIdNumber: string;
let runId: string;

beforeAll(async () => {
  const regionCode = (await createRegion(hub.prisma)).code;
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
  partner = await createPartnerToken(hub.prisma, housing.id);
  headIdNumber = (await createHousehold(hub.prisma, { regionCode })).head.idNumber;
  const run = await hub.prisma.comparisonRun.create({
    data: {
      kind: 'PERIODIC_REVIEW',
      status: 'RUNNING',
      regionCode,
      asOf: new Date('2026-10-31'),
      chunkSize: 2,
      chunkCount: 3,
      chunksDone: 1,
      householdCount: 5,
      householdsDone: 2,
    },
  });
  runId = run.id;
  await hub.prisma.comparisonChunk.createMany({
    data: [0, 1, 2].map((chunkNo) => ({ runId, chunkNo, householdIds: [], state: chunkNo === 0 ? 'DONE' : 'PENDING' })),
  });
});

const scrape = (authorization?: string) =>
  fetch(`${hub.url}/metrics`, { headers: authorization ? { authorization } : {} });

describe('/metrics', () => {
  it('refuses a scraper without the metrics token, or with another token (an API access token is no metrics token)', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token')).status).toBe(401);
    expect((await scrape(`Bearer ${partner}`)).status).toBe(401);
  });

  it('does not exist on a hub without HUB_METRICS_TOKEN', async () => {
    const closed = await startTestApp(db.url, { limits: { metricsToken: undefined } });
    expect(
      (await fetch(`${closed.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
    ).toBe(404);
  });

  it('shows requests, latency, operations, denials, run progress and queues to the scraper', async () => {
    const denied = await hub.graphql('query ($id: String!) { person(idNumber: $id) { name } }', {
      token: partner,
      purpose: 'HOUSING_SUBSIDY',
      variables: { id: headIdNumber },
    });
    expect(denied.status).toBe(200);
    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^hub_http_requests_total\{method="POST",route="\/graphql",status="200"\} [1-9]/m);
    expect(text).toMatch(
      /^hub_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/graphql"\} [1-9]/m,
    );
    expect(text).toMatch(/^hub_graphql_operations_total\{type="query",outcome="(ok|error)"\} [1-9]/m);
    expect(text).toMatch(/^hub_disclosure_denials_total\{reason="NO_AGREEMENT",item="[A-Z_]+"\} 1$/m);
    expect(text).toContain(`hub_comparison_run_households{run="${runId}",kind="PERIODIC_REVIEW",state="done"} 2`);
    expect(text).toContain(`hub_comparison_run_households{run="${runId}",kind="PERIODIC_REVIEW",state="total"} 5`);
    expect(text).toMatch(/^hub_comparison_chunks_pending 2$/m);
    expect(text).toMatch(/^hub_audit_writes_pending \d+$/m);
    expect(text).toContain('# TYPE hub_rate_limit_refusals_total counter');
    // Labels name route patterns, never identity numbers or other values from requests.
    expect(text).not.toContain(headIdNumber);
  });
});
