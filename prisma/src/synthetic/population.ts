import { plantBusiness, plantExtraProperty, plantFinancialAssets, plantVehicle } from './asset-cases.ts';
import { ChunkRows } from './chunk-rows.ts';
import type { GenerationContext } from './generation-context.ts';
import { gracePeriodHousehold, plantHousingFundWage, plantIncome } from './income-cases.ts';
import { plantDeath, plantStaffRelative } from './person-cases.ts';
import { WeightedTable } from './random.ts';
import {
  applicantHousehold,
  extremePovertyHousehold,
  guaranteeHousehold,
  lowIncomeHousehold,
  ordinaryHousehold,
} from './regular-households.ts';

// The whole population, household after household, until exactly `persons` persons exist. The planted cases and
// controls are spread evenly through the first 85 % of households (so they always fit), a set of each per
// 20,000 persons; every other household is drawn by the profile shares.

type Build = (context: GenerationContext, rows: ChunkRows, maxSize: number) => void;

/** One set of special households: every planted variant and every control, once. */
const SPECIALS: readonly Build[] = [
  (c, r, m) => plantDeath(c, r, m, 'ELDER_IN_FAMILY'),
  (c, r, m) => plantDeath(c, r, m, 'LIVING_ALONE'),
  (c, r, m) => plantDeath(c, r, m, 'AFTER_AS_OF'),
  (c, r, m) => plantVehicle(c, r, m, false),
  (c, r, m) => plantVehicle(c, r, m, true),
  (c, r, m) => plantExtraProperty(c, r, m, false),
  (c, r, m) => plantExtraProperty(c, r, m, true),
  (c, r, m) => plantFinancialAssets(c, r, m, 'DEPOSIT'),
  (c, r, m) => plantFinancialAssets(c, r, m, 'WEALTH_PRODUCT'),
  (c, r, m) => plantFinancialAssets(c, r, m, 'AT_LIMIT'),
  (c, r, m) => plantBusiness(c, r, m, false),
  (c, r, m) => plantBusiness(c, r, m, true),
  (c, r, m) => plantIncome(c, r, m, 'ONE_FEN_ABOVE'),
  (c, r, m) => plantIncome(c, r, m, 'WELL_ABOVE'),
  (c, r, m) => plantIncome(c, r, m, 'AT_STANDARD'),
  (c, r, m) => plantIncome(c, r, m, 'ONE_FEN_BELOW'),
  (c, r, m) => plantHousingFundWage(c, r, m),
  (c, r, m) => plantStaffRelative(c, r, m, 'SAME_HUKOU', false),
  (c, r, m) => plantStaffRelative(c, r, m, 'MARRIAGE', false),
  (c, r, m) => plantStaffRelative(c, r, m, 'SAME_HUKOU', true),
  (c, r, m) => plantStaffRelative(c, r, m, 'MARRIAGE', true),
  (c, r, m) => void gracePeriodHousehold(c, r, m),
];

/** A special needs room for its household of up to six and a staff member's household of up to two. */
const SPECIAL_ROOM = 8;
const PERSONS_PER_SPECIAL_SET = 20_000;
const MEAN_HOUSEHOLD_SIZE = 2.7;

export interface PopulationOptions {
  persons: number;
  /** Share of households on 低保 (besides the planted ones). */
  guaranteeShare: number;
  /** Households generated between two yields, so that loading can interleave with generating. */
  sliceHouseholds: number;
}

export class Population {
  rows = new ChunkRows();
  private readonly profiles: WeightedTable<Build>;

  constructor(
    private readonly context: GenerationContext,
    private readonly options: PopulationOptions,
  ) {
    context.records.rows = this.rows;
    const other = 0.02 + 0.012 + 0.003 + 0.013;
    this.profiles = new WeightedTable<Build>([
      [ordinaryHousehold, 1 - options.guaranteeShare - other],
      [guaranteeHousehold, options.guaranteeShare],
      [lowIncomeHousehold, 0.02],
      [(c, r) => void extremePovertyHousehold(c, r), 0.012],
      [(c, r, m) => void gracePeriodHousehold(c, r, m), 0.003],
      [applicantHousehold, 0.013],
    ]);
  }

  /** The rows generated since the last call; generation continues into a fresh chunk. */
  takeRows(): ChunkRows {
    const taken = this.rows;
    this.rows = new ChunkRows();
    this.context.records.rows = this.rows;
    return taken;
  }

  /** Generates every household, yielding the running totals after each slice and once at the end. */
  *generate(): Generator<{ persons: number; households: number }> {
    const { context, options } = this;
    const sets = Math.max(1, Math.round(options.persons / PERSONS_PER_SPECIAL_SET));
    const specials: Build[] = [];
    for (let set = 0; set < sets; set++) specials.push(...context.random.shuffled(SPECIALS));
    const spacing = Math.max(1, Math.floor(((options.persons / MEAN_HOUSEHOLD_SIZE) * 0.85) / specials.length));
    let persons = 0;
    let households = 0;
    let index = 0;
    let nextSpecial = 0;
    while (persons < options.persons) {
      const before = this.rows.persons;
      const householdsBefore = this.rows.households;
      const remaining = options.persons - persons;
      const special = index >= nextSpecial * spacing + (spacing >> 1) ? specials[nextSpecial] : undefined;
      if (special) nextSpecial++;
      if (special && remaining >= SPECIAL_ROOM) special(context, this.rows, Math.min(6, remaining - 2));
      else context.random.weighted(this.profiles)(context, this.rows, Math.min(6, remaining));
      persons += this.rows.persons - before;
      households += this.rows.households - householdsBefore;
      index += 1;
      if (index % options.sliceHouseholds === 0) yield { persons, households };
    }
    yield { persons, households };
  }
}
