import { Worker } from 'node:worker_threads';
import { type GenerationInput, type GenerationOutcome, generateInThread, type RowBatch } from './population-stream.ts';
import type { GeneratedTable } from './table-columns.ts';

type WorkerMessage =
  | { type: 'batch'; tables: { table: GeneratedTable; rows: number; buffers: Uint8Array[] }[] }
  | { type: 'done'; outcome: GenerationOutcome };

function receivedBatch(tables: { table: GeneratedTable; rows: number; buffers: Uint8Array[] }[]): RowBatch {
  const byTable = new Map(tables.map((entry) => [entry.table, entry]));
  return {
    count: (table) => byTable.get(table)?.rows ?? 0,
    buffers: (table) =>
      (byTable.get(table)?.buffers ?? []).map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
  };
}

// A worker thread does not inherit the TypeScript loader on Node 20: the bootstrap registers tsx's in the worker,
// then loads the worker module through it.
function workerBootstrap(): string {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./generation-worker.ts', import.meta.url).href);
  return `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`;
}

/**
 * Generates in a worker thread and loads each batch as it arrives. A worker that fails before its first batch (no
 * TypeScript loader in this process, say) leaves nothing loaded, and generation then runs in this thread instead.
 */
export async function generateWithWorker(
  input: GenerationInput,
  onBatch: (batch: RowBatch) => Promise<void>,
): Promise<GenerationOutcome> {
  let started = false;
  try {
    return await new Promise<GenerationOutcome>((resolve, reject) => {
      const worker = new Worker(workerBootstrap(), { eval: true, workerData: input });
      let queue = Promise.resolve();
      const fail = (error: unknown) => {
        reject(error);
        void worker.terminate();
      };
      worker.on('message', (message: WorkerMessage) => {
        started = true;
        if (message.type === 'batch') {
          queue = queue.then(() => onBatch(receivedBatch(message.tables))).then(() => worker.postMessage('credit'));
          queue.catch(fail);
        } else {
          // The worker listens for credits until it is ended: left running, it would keep the process alive.
          queue.then(() => {
            resolve(message.outcome);
            void worker.terminate();
          }, fail);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`the generation worker stopped with exit code ${code}`));
      });
    });
  } catch (error) {
    if (started) throw error;
    return generateInThread(input, onBatch);
  }
}
