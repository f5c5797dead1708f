import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { hubFetch } from '../hub-session.ts';
import { parseServerSentEvents } from './server-sent-events.ts';

export interface RunProgress {
  status: string;
  householdsDone: number;
  householdsTotal: number;
  householdsPerSecond: number | null;
  estimatedCompletionAt: string | null;
}

const ENDED = new Set(['COMPLETED', 'CANCELLED', 'FAILED']);
export const runHasEnded = (status: string | undefined) => status !== undefined && ENDED.has(status);

const POLL_MS = 1000;

/**
 * A run's progress, live: from `GET /comparisons/:id/progress` (text/event-stream, read with fetch because it needs
 * the bearer header) when the hub answers it with 200, else by asking for the run every second. Ends with the run.
 */
export function useRunProgress(runId: string | undefined, initial: RunProgress | undefined) {
  const dataProvider = useDataProvider();
  const [progress, setProgress] = useState<RunProgress | undefined>(initial);
  const [source, setSource] = useState<'stream' | 'polling' | null>(null);
  const initialStatus = initial?.status;

  useEffect(() => {
    if (!runId || runHasEnded(initialStatus)) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async () => {
      setSource('polling');
      try {
        const { data } = await dataProvider.getOne('ComparisonRun', { id: runId, signal: abort.signal });
        setProgress({
          status: data.status,
          householdsDone: data.householdsDone,
          householdsTotal: data.householdCount,
          householdsPerSecond: data.householdsPerSecond,
          estimatedCompletionAt: data.estimatedCompletionAt,
        });
        if (runHasEnded(data.status)) return;
      } catch {
        if (abort.signal.aborted) return;
      }
      timer = setTimeout(poll, POLL_MS);
    };

    const stream = async () => {
      const response = await hubFetch(`/comparisons/${runId}/progress`, {
        headers: { accept: 'text/event-stream' },
        signal: abort.signal,
      }).catch(() => null);
      const isStream = response?.ok && response.headers.get('content-type')?.includes('text/event-stream');
      if (!response?.body || !isStream) return poll();
      setSource('stream');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      while (!abort.signal.aborted) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) break;
        const parsed = parseServerSentEvents(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.event !== 'progress') continue;
          const next = JSON.parse(event.data) as RunProgress;
          setProgress(next);
          if (runHasEnded(next.status)) return;
        }
      }
      // The stream closed before the run ended (a restart, a proxy): carry on by polling.
      if (!abort.signal.aborted) return poll();
    };

    void stream();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
    };
  }, [runId, initialStatus, dataProvider]);

  // The record refetched after the run ended is the last word: the stream it replaced may have been cut off before
  // its final event, and would otherwise leave an earlier figure showing.
  return { progress: runHasEnded(initialStatus) ? initial : (progress ?? initial), source };
}
