/**
 * Per-capita income above a floor under the region's reading of it (高于: ABOVE, 不低于: AT_OR_ABOVE), compared
 * exactly as income against members × the floor, so no rounding ever decides.
 */
export function aboveFloorSql(incomeFen: string, members: string, floorFen: string, reading: string): string {
  return `CASE ${reading} WHEN 'AT_OR_ABOVE' THEN ${incomeFen} >= ${members} * ${floorFen}
    ELSE ${incomeFen} > ${members} * ${floorFen} END`;
}
