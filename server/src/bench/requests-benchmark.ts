import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@hub/prisma';
import { composeCitizenId } from '@hub/prisma/identity/citizen-id-number';
import type { VerificationRequestInput } from '@hub/schema/verification-requests/verification-request-input';
import { userChangeActor } from '../audit/change-actors.ts';
import { createHttpApp } from '../http/create-http-app.ts';
import { createApiClient } from '../identity/create-api-client.ts';
import { hashPassword } from '../identity/hash-password.ts';
import { issueAccessToken } from '../identity/issue-access-token.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

const GOAL_SECONDS = 30;
const SCAN = Buffer.alloc(2048, 7).toString('base64');

/** The civil-affairs business system of 上饶市: its department, an API client and the client's access token. */
async function civilAffairsSystem(url: string): Promise<string> {
  const prisma = createPrismaClient(url, { maxConnections: 1 });
  try {
    await prisma.region.createMany({
      data: [
        { code: '361100', name: '上饶市', level: 'CITY', parentCode: null },
        { code: '361102', name: '信州区', level: 'COUNTY', parentCode: '361100' },
      ],
    });
    const department = await prisma.department.create({
      data: { code: 'CA_361100', kind: 'CIVIL_AFFAIRS', name: '上饶市民政局', regionCode: '361100' },
    });
    const user = await prisma.user.create({
      data: {
        username: 'bench',
        displayName: 'bench',
        passwordHash: await hashPassword('bench bench bench'),
        role: 'ADMIN',
        departmentId: department.id,
      },
    });
    const { apiClient, clientSecret } = await createApiClient(
      prisma,
      { departmentId: department.id, name: 'bench' },
      user.id,
      userChangeActor(user, 'hub bench requests'),
    );
    const issued = await issueAccessToken(prisma, { clientId: apiClient.clientId, clientSecret });
    if (!issued) throw new Error('the token exchange refused the benchmark client');
    return issued.accessToken;
  } finally {
    await prisma.$disconnect();
  }
}

/** The n-th request: a head and a child, an income and a rigid expenditure, a 2 KiB scan signed by the head. */
function requestInput(n: number): VerificationRequestInput {
  const head = composeCitizenId('361102', new Date(Date.UTC(1960 + (n % 40), n % 12, 1 + (n % 28))), (n % 500) * 2 + 1);
  const child = composeCitizenId('361102', new Date(Date.UTC(2012 + (n % 10), n % 12, 1 + (n % 28))), (n % 500) * 2);
  return {
    reference: `B-${n}`,
    kind: 'MINIMUM_LIVING_GUARANTEE',
    submittedOn: '2025-06-10',
    household: { regionCode: '361102', areaType: 'URBAN', address: `信州区胜利街${n}号` },
    members: [
      { idNumber: head, name: `户主${n}`, relation: 'HEAD' },
      { idNumber: child, name: `子女${n}`, relation: 'CHILD' },
    ],
    items: [
      { category: 'INCOME', memberIdNumber: head, source: 'WAGE', amountFen: 150_000 },
      { category: 'RIGID_EXPENDITURE', source: 'MEDICAL', amountFen: 30_000 },
    ],
    authorisation: {
      fileName: 'shouquanshu.pdf',
      mediaType: 'application/pdf',
      contentBase64: SCAN,
      signedOn: '2025-06-01',
      signedBy: [head],
    },
  };
}

/**
 * `pnpm bench requests [--count 10000]`: the civil-affairs business system's API client posts one NDJSON batch of
 * verification requests to `POST /verification-requests` over real HTTP, and the hub checks every line and saves
 * the good ones; reports the seconds from sending the first byte to the answer, against the goal of 10,000 in < 30 s.
 */
export async function requestsBenchmark(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { count: { type: 'string', default: '10000' } },
  });
  const count = Number((positionals[0] ?? values.count).replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a whole number');
  await withThrowawayDatabase('bench_requests', async (url) => {
    const token = await civilAffairsSystem(url);
    const body = `${Array.from({ length: count }, (_, n) => JSON.stringify(requestInput(n))).join('\n')}\n`;
    const http = await createHttpApp({ databaseUrl: url });
    const base = await http.listen(0);
    try {
      const started = performance.now();
      const response = await fetch(`${base}/verification-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
        body,
      });
      const answer = (await response.json()) as { accepted?: unknown[]; rejected?: { problems: unknown[] }[] };
      const seconds = (performance.now() - started) / 1000;
      if (response.status !== 200) throw new Error(`the batch answered ${response.status}: ${JSON.stringify(answer)}`);
      const accepted = answer.accepted?.length ?? 0;
      const rejected = answer.rejected ?? [];
      console.log(`
batch         ${count.toLocaleString('en')} requests, ${(Buffer.byteLength(body) / 2 ** 20).toFixed(1)} MiB of NDJSON
answer        ${accepted.toLocaleString('en')} accepted, ${rejected.length} refused${
        rejected.length ? ` (first: ${JSON.stringify(rejected[0]?.problems)})` : ''
      }
seconds       ${seconds.toFixed(1)} end to end over HTTP (${Math.round(count / seconds).toLocaleString('en')} requests/s)
load          ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores: other work slows every step alike
goal          10,000 requests in < ${GOAL_SECONDS} s: ${
        count === 10_000
          ? `${seconds < GOAL_SECONDS ? 'met' : 'MISSED'} (${(seconds / GOAL_SECONDS).toFixed(2)} of the budget)`
          : `scaled, ${((seconds * 10_000) / count / GOAL_SECONDS).toFixed(2)} of the budget if linear`
      }`);
      if (accepted !== count) process.exitCode = 1;
    } finally {
      await http.close();
    }
  });
}
