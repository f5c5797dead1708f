import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

// CPU seconds do not grow with the machine's load the way wall-clock seconds do: on a shared machine they are the
// closer estimate of what a job costs alone. Linux only (/proc); elsewhere the figure is null.

const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime, and cutime + cstime (children already reaped), in clock ticks. */
  own: number;
  reaped: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields start after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(fields[n - 3]);
    return { ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
  } catch {
    return null;
  }
}

/** The PostgreSQL server's process id: the parent of its checkpointer. */
export async function findPostmasterPid(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'`,
    );
    const checkpointer = rows[0]?.pid;
    return checkpointer === undefined ? null : (procStat(checkpointer)?.ppid ?? null);
  } finally {
    await client.end();
  }
}

/** CPU seconds the server and every process it started have used so far, ended or still running. */
export function postgresCpuSeconds(postmasterPid: number | null): number | null {
  if (postmasterPid === null) return null;
  const postmaster = procStat(postmasterPid);
  if (!postmaster) return null;
  let ticks = postmaster.own + postmaster.reaped;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const child = procStat(pid);
    if (child?.ppid === postmasterPid) ticks += child.own;
  }
  return ticks / TICKS_PER_SECOND;
}
