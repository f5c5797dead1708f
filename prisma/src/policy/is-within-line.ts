import type { LineReading } from '../../generated/enums.ts';

/**
 * Per-capita income within a line under a region's reading of it (低于: BELOW, 不高于: AT_OR_BELOW), compared
 * exactly as income against members × line. The generator reads the reading from the policy data it writes, so its
 * planted truth follows the data rather than the engine's SQL.
 */
export function isWithinLine(incomeFen: number, members: number, lineFen: number, reading: LineReading): boolean {
  return reading === 'AT_OR_BELOW' ? incomeFen <= members * lineFen : incomeFen < members * lineFen;
}
