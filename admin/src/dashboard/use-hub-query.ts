import type { DocumentNode } from '@apollo/client';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';

/** A dashboard card's own query: its data, or the reason it has none (a role without access, a hub without it). */
// biome-ignore lint/suspicious/noExplicitAny: each card reads its own answer
export function useHubQuery<Data = any>(
  document: DocumentNode,
  variables?: Record<string, unknown>,
  refreshMs?: number,
) {
  const dataProvider = useDataProvider<HubDataProvider>();
  const [state, setState] = useState<{ data?: Data; error?: string; loading: boolean }>({ loading: true });
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const answer = await dataProvider.query(document, JSON.parse(key));
        if (stopped) return;
        if (answer.data) setState({ data: answer.data as Data, loading: false });
        else setState({ error: answer.errors?.[0]?.message ?? 'no answer', loading: false });
      } catch (error) {
        if (!stopped) setState({ error: (error as Error).message, loading: false });
      }
      if (refreshMs && !stopped) timer = setTimeout(load, refreshMs);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [dataProvider, document, key, refreshMs]);
  return state;
}
