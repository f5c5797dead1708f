export interface FlagCount {
  flag: string;
  households: number;
}

interface RunSummary {
  kind: string;
  status: string;
  region: { code: string } | null;
  summary: { flags: FlagCount[] };
}

/** Flag counts summed over the newest completed run of each region and kind (runs come newest first). */
export function latestFindingsOf(runs: RunSummary[]): FlagCount[] {
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  for (const run of runs) {
    if (run.status !== 'COMPLETED') continue;
    const key = `${run.kind}:${run.region?.code ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const flag of run.summary.flags) totals.set(flag.flag, (totals.get(flag.flag) ?? 0) + flag.households);
  }
  return [...totals].map(([flag, households]) => ({ flag, households })).sort((a, b) => b.households - a.households);
}
