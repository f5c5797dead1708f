import type { AreaType } from '../../generated/enums.ts';
import { COUNTIES, type County } from './demo-region.ts';
import { type SeededRandom, WeightedTable } from './random.ts';

// Where a household lives and how many it has: the city's spread for everyone, and a tilt towards small,
// older households for those on assistance (widowed and ill people living alone make up much of 低保).

const COUNTY_TABLE = new WeightedTable<County>(COUNTIES.map((county) => [county, county.populationWeight]));

const ORDINARY_SIZES = new WeightedTable<number>([
  [1, 20],
  [2, 28],
  [3, 25],
  [4, 15],
  [5, 8],
  [6, 4],
]);

const RECIPIENT_SIZES = new WeightedTable<number>([
  [1, 34],
  [2, 26],
  [3, 20],
  [4, 12],
  [5, 6],
  [6, 2],
]);

export interface Place {
  county: County;
  areaType: AreaType;
}

export function drawPlace(random: SeededRandom): Place {
  const county = random.weighted(COUNTY_TABLE);
  return { county, areaType: random.chance(county.urbanShare) ? 'URBAN' : 'RURAL' };
}

export function drawOrdinarySize(random: SeededRandom, maxSize: number): number {
  return Math.min(maxSize, random.weighted(ORDINARY_SIZES));
}

export function drawRecipientSize(random: SeededRandom, maxSize: number, minSize = 1): number {
  return Math.min(maxSize, Math.max(minSize, random.weighted(RECIPIENT_SIZES)));
}
