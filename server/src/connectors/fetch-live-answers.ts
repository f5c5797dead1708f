import { randomUUID } from 'node:crypto';
import type { Dataset } from '@hub/prisma';
import type pg from 'pg';
import { householdMembersAsOfSql } from '../register/household-members-as-of.ts';
import type { ConnectorRegistry } from './create-connector-registry.ts';
import { storeLiveAnswer } from './store-live-answer.ts';

/**
 * For one chunk of an APPLICATION run: asks every enabled connector, for each dataset it answers that the run reads,
 * about the members of the chunk's households, and stores each answer as a LIVE snapshot in the chunk's transaction
 * (so a chunk redone after a crash asks again rather than counting an answer twice). Returns the snapshots' ids.
 */
export async function fetchLiveAnswers(
  client: pg.ClientBase,
  registry: ConnectorRegistry,
  chunk: { runId: string; chunkNo: number; asOf: string },
  datasets: readonly Dataset[],
): Promise<string[]> {
  const connectors = await registry.enabledConnectors();
  const asks = connectors.flatMap((live) =>
    live.datasets.filter((dataset) => datasets.includes(dataset)).map((dataset) => ({ live, dataset })),
  );
  if (asks.length === 0) return [];
  const { rows: persons } = await client.query<{ id: string; idNumber: string }>(
    `WITH listed AS (
       SELECT listed.id AS household_id FROM comparison_chunks ch CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id)
        WHERE ch.run_id = $1 AND ch.chunk_no = $2)
     SELECT DISTINCT m.person_id AS id, m.id_number AS "idNumber"
       FROM (${householdMembersAsOfSql('listed', '$3::date')}) m
      ORDER BY "idNumber"`,
    [chunk.runId, chunk.chunkNo, chunk.asOf],
  );
  if (persons.length === 0) return [];
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
  const snapshotIds: string[] = [];
  for (const { live, dataset, requestId, result } of answers) {
    const stored = await storeLiveAnswer(client, {
      departmentId: live.departmentId,
      dataset,
      requestId,
      persons,
      result,
      fallbackAsOf: chunk.asOf,
    });
    snapshotIds.push(stored.snapshotId);
    const unanswered = stored.malformed ? idNumbers.length : result.unanswered.length;
    const failures = stored.malformed
      ? ['MALFORMED_ANSWER']
      : [...new Set(result.unanswered.map((entry) => entry.failure))];
    await registry.recordOutcome(live.id, {
      answered: unanswered < idNumbers.length,
      failure: failures.length
        ? `${dataset}: ${failures.join(', ')} for ${unanswered} of ${idNumbers.length} persons`
        : null,
    });
  }
  return snapshotIds;
}
