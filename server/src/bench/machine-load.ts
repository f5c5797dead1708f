import { availableParallelism, loadavg } from 'node:os';

/**
 * The machine's load as every benchmark prints it: figures taken on a machine busy with other work are slower by
 * about the load per core, so a reader must see it beside them.
 */
export function machineLoad(): string {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return `load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} (1, 5, 15 min) on ${availableParallelism()} cores`;
}
