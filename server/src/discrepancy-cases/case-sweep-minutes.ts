/** HUB_CASE_SWEEP_MINUTES (default 60): how often a hub reminds cases due soon and escalates overdue ones. */
export function caseSweepMinutes(): number {
  const raw = process.env.HUB_CASE_SWEEP_MINUTES ?? '60';
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new Error(`HUB_CASE_SWEEP_MINUTES must be a whole number of minutes ≥ 1, not "${raw}"`);
  }
  return minutes;
}
