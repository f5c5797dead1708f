/**
 * Per-capita income within a line, under the region's reading of it (低于: BELOW, 不高于: AT_OR_BELOW), compared
 * exactly: the household's income against members × the line, so no rounding ever decides. `line` may be a
 * fractional number of fen (1.5 × an odd standard).
 */
export function withinLineSql(incomeFen: string, members: string, lineFen: string, reading: string): string {
  return `CASE ${reading} WHEN 'AT_OR_BELOW' THEN ${incomeFen} <= ${members} * ${lineFen}
    ELSE ${incomeFen} < ${members} * ${lineFen} END`;
}
