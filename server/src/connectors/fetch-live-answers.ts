import { randomUUID } from 'node:crypto';
import type { Dataset } from '@hub/prisma';
import type pg from 'pg';
import { householdMembersAsOfSql } from '../register/household-members-as-of.ts';
import type { ConnectorRegistry, LiveConnector } from './create-connector-registry.ts';
import type { ConnectorResult } from './create-department-connector.ts';
import { storeLiveAnswer } from './store-live-answer.ts';

/** What the departments answered for one chunk's members, held in memory until the chunk's transaction stores it. */
export interface FetchedLiveAnswers {
  chunk: { runId: string; chunkNo: number; asOf: string };
  persons: { id: string; idNumber: string }[];
  answers: { live: LiveConnector; dataset: Dataset; requestId: string; result: ConnectorResult }[];
}

/**
 * For one chunk of an APPLICATION run: asks every enabled connector, for each dataset it answers that the run reads,
 * about the members of the chunk's households. No transaction is open and no connection is held while the
 * departments answer (each connector has its own timeouts and retries): a slow department holds no lock.
 */
export async function fetchLiveAnswers(
  pool: pg.Pool,
  registry: ConnectorRegistry,
  chunk: FetchedLiveAnswers['chunk'],
  datasets: readonly Dataset[],
): Promise<FetchedLiveAnswers> {
  const connectors = await registry.enabledConnectors();
  const asks = connectors.flatMap((live) =>
    live.datasets.filter((dataset) => datasets.includes(dataset)).map((dataset) => ({ live, dataset })),
  );
  if (asks.length === 0) return { chunk, persons: [], answers: [] };
  const { rows: persons } = await pool.query<{ id: string; idNumber: string }>(
    `WITH listed AS (
       SELECT listed.id AS household_id FROM comparison_chunks ch CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id)
        WHERE ch.run_id = $1 AND ch.chunk_no = $2)
     SELECT DISTINCT m.person_id AS id, m.id_number AS "idNumber"
       FROM (${householdMembersAsOfSql('listed', '$3::date')}) m
      ORDER BY "idNumber"`,
    [chunk.runId, chunk.chunkNo, chunk.asOf],
  );
  if (persons.length === 0) return { chunk, persons, answers: [] };
  const idNumbers = persons.map((person) => person.idNumber);
  // Every department at once; each connector caps its own requests in flight.
  const answers = await Promise.all(
    asks.map(async ({ live, dataset }) => ({
      live,
      dataset,
      requestId: randomUUID(),
      result: await live.connector.fetchRecords(idNumbers, dataset),
    })),
  );
  return { chunk, persons, answers };
}

/**
 * Stores each answer as a LIVE snapshot in the chunk's transaction (so a chunk redone after a crash asks again
 * rather than counting an answer twice), and each connector's health. Returns the snapshots' ids.
 */
export async function storeLiveAnswers(
  client: pg.ClientBase,
  registry: ConnectorRegistry,
  fetched: FetchedLiveAnswers,
): Promise<string[]> {
  const snapshotIds: string[] = [];
  const asked = fetched.persons.length;
  for (const { live, dataset, requestId, result } of fetched.answers) {
    const stored = await storeLiveAnswer(client, {
      departmentId: live.departmentId,
      dataset,
      requestId,
      persons: fetched.persons,
      result,
      fallbackAsOf: fetched.chunk.asOf,
    });
    snapshotIds.push(stored.snapshotId);
    const unanswered = stored.malformed ? asked : result.unanswered.length;
    const failures = stored.malformed
      ? ['MALFORMED_ANSWER']
      : [...new Set(result.unanswered.map((entry) => entry.failure))];
    await registry.recordOutcome(live.id, {
      answered: unanswered < asked,
      failure: failures.length ? `${dataset}: ${failures.join(', ')} for ${unanswered} of ${asked} persons` : null,
    });
  }
  return snapshotIds;
}
