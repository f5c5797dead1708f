import pg from 'pg';

const RECONNECT_MS = 1_000;

export interface ChangeListener {
  /** Settles once the first LISTEN has taken effect or failed (it is then retried in the background). */
  ready: Promise<void>;
  /** Whether a change now would be heard: a cache keeps nothing while this is false. */
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * LISTENs on a channel on a connection of its own, for an in-memory cache of what the channel announces changes to.
 * `onChange` is called on every notification, and also whenever a change might have been missed: when LISTEN takes
 * effect (anything cached before it may predate a change) and when the connection is lost (it is then re-opened
 * every second until it LISTENs again).
 */
export function listenForChanges(databaseUrl: string, channel: string, onChange: () => void): ChangeListener {
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const scheduleReconnect = () => {
    if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS).unref();
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    client = next;
    next.on('notification', onChange);
    next.on('error', () => {}); // a lost connection also ends it
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch {
      await next.end().catch(() => {});
      scheduleReconnect();
      return;
    }
    next.on('end', () => {
      listening = false;
      onChange();
      scheduleReconnect();
    });
    onChange();
    listening = true;
  };
  const ready = connect();

  return {
    ready,
    listening: () => listening,
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready;
      client?.removeAllListeners('end');
      await client?.end().catch(() => {});
    },
  };
}
