import { parentPort, workerData } from 'node:worker_threads';
import { type GenerationInput, generatePopulation } from './population-stream.ts';
import { GENERATED_TABLES } from './table-columns.ts';

// The worker thread's side of generate-in-worker.ts: generate, post each batch, and stay at most two batches
// ahead of the loader (credits), so memory stays bounded however slow the database is.

const port = parentPort;
if (!port) throw new Error('generation-worker.ts runs as a worker thread only');

let credits = 2;
let wake: (() => void) | undefined;
port.on('message', (message) => {
  if (message !== 'credit') return;
  credits += 1;
  wake?.();
});

const outcome = await generatePopulation(workerData as GenerationInput, async (batch) => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  const tables = GENERATED_TABLES.map((table) => ({ table, rows: batch.count(table), buffers: batch.buffers(table) }));
  // Move rather than copy the bytes, for buffers that own their memory outright (not slices of Node's pool).
  const transfer = tables
    .flatMap(({ buffers }) => buffers)
    .filter((buffer) => buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength)
    .map((buffer) => buffer.buffer as ArrayBuffer);
  port.postMessage({ type: 'batch', tables }, transfer);
});
port.postMessage({ type: 'done', outcome });
