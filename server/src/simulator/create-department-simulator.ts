import type { Dataset } from '@hub/prisma';
import { type DeliveryFormat, findDeliveryFormat, recordColumnOf } from '@hub/schema/delivery-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';

const MAX_BATCH = 1_000;
const quote = (name: string) => `"${name}"`;

// A record in the department's own words: the dataset's delivery columns (formats name no table from input), the
// subject by \`idNumber\`, any other person by identity number.
function recordsSql(format: DeliveryFormat): string {
  const fields = format.columns
    .filter((column) => column.name !== 'id_number')
    .map((column) => {
      const value = `r.${quote(recordColumnOf(format, column))}`;
      const field =
        column.type === 'ID_NUMBER' ? `(SELECT other.id_number FROM persons other WHERE other.id = ${value})` : value;
      return `'${column.name}', ${field}`;
    });
  return `SELECT p.id_number, jsonb_build_object(${fields.join(', ')}) AS record, s.as_of::text AS as_of
     FROM ${format.table} r
     JOIN persons p ON p.id = r.${quote(format.subjectColumn ?? 'person_id')}
     JOIN dataset_snapshots s ON s.id = r.snapshot_id AND s.status = 'CURRENT'
     JOIN departments d ON d.id = r.department_id AND d.code = $1
     WHERE p.id_number = ANY($2::text[])`;
}

/**
 * Serves the demo departments' records over HTTP the way a bank or a housing-fund centre might, by the contract
 * the hub's live connectors speak (server/src/connectors/department-answer.ts): POST
 * /departments/:code/records:query with { dataset, idNumbers } answers { asOf, records, notFound }, each record in
 * the department's own words (its columns), from the department's current snapshot.
 */
export async function createDepartmentSimulator(options: {
  databaseUrl: string;
  token: string;
}): Promise<FastifyInstance> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  pool.on('error', () => {});
  const app = Fastify({ logger: false });
  app.addHook('onClose', () => pool.end());
  app.post<{ Params: { code: string }; Body: { dataset?: unknown; idNumbers?: unknown } }>(
    '/departments/:code/records:query',
    async (request, reply) => {
      if (request.headers.authorization !== `Bearer ${options.token}`) {
        return reply.code(401).send({ error: 'invalid token' });
      }
      const { dataset, idNumbers } = request.body ?? {};
      const format = typeof dataset === 'string' ? findDeliveryFormat(dataset as Dataset) : undefined;
      if (!format) return reply.code(400).send({ error: `unknown dataset ${String(dataset)}` });
      if (!Array.isArray(idNumbers) || idNumbers.length > MAX_BATCH || idNumbers.some((id) => typeof id !== 'string')) {
        return reply.code(400).send({ error: `idNumbers: up to ${MAX_BATCH} identity numbers` });
      }
      const { rows } = await pool.query<{ id_number: string; record: Record<string, unknown>; as_of: string }>(
        recordsSql(format),
        [request.params.code, idNumbers],
      );
      const found = new Set(rows.map((row) => row.id_number));
      return {
        // With nothing found, the answer speaks for today.
        asOf:
          rows
            .map((row) => row.as_of)
            .sort()
            .at(-1) ?? new Date().toISOString().slice(0, 10),
        records: rows.map((row) => ({ idNumber: row.id_number, ...row.record })),
        notFound: (idNumbers as string[]).filter((idNumber) => !found.has(idNumber)),
      };
    },
  );
  return app;
}
