import { composeCitizenId } from '@hub/prisma/identity/citizen-id-number';
import type { VerificationRequestInput } from '@hub/schema/verification-requests/verification-request-input';
import pg from 'pg';
import { submitVerificationRequests } from '../requests/submit-verification-requests.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

const SCAN = Buffer.alloc(2048, 7).toString('base64');

/** `pnpm bench requests [count]`: a batch of verification requests (default 10,000) checked and saved. */
export async function requestsBenchmark(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 10_000);
  await withThrowawayDatabase('bench_requests', async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      await pool.query(`INSERT INTO regions (code, name, level, parent_code) VALUES
        ('361100', '上饶市', 'CITY', NULL), ('361102', '信州区', 'COUNTY', '361100')`);
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO departments (code, kind, name, region_code) VALUES ('CA_361100', 'CIVIL_AFFAIRS', '上饶市民政局', '361100')
         RETURNING id`,
      );
      const inputs: VerificationRequestInput[] = Array.from({ length: count }, (_, n) => {
        const head = composeCitizenId(
          '361102',
          new Date(Date.UTC(1960 + (n % 40), n % 12, 1 + (n % 28))),
          (n % 500) * 2 + 1,
        );
        const child = composeCitizenId(
          '361102',
          new Date(Date.UTC(2012 + (n % 10), n % 12, 1 + (n % 28))),
          (n % 500) * 2,
        );
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
      });
      const started = performance.now();
      const outcome = await submitVerificationRequests(pool, inputs, {
        departmentId: rows[0]?.id as string,
        userId: null,
        apiClientId: null,
        reach: 'ALL',
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${count.toLocaleString('en')} requests checked and saved in ${seconds.toFixed(1)} s: ` +
          `${outcome.accepted.length.toLocaleString('en')} accepted, ${outcome.rejected.length} refused`,
      );
    } finally {
      await pool.end();
    }
  });
}
