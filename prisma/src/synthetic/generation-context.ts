import type { AreaType, Relation, Sex } from '../../generated/enums.ts';
import type { CitizenIdAllocator } from './citizen-id-allocator.ts';
import type { County } from './demo-region.ts';
import type { StandardInForce } from './demo-standards.ts';
import type { DepartmentRecords, Provenance } from './department-records.ts';
import type { ControlCase, PlantedCase } from './manifest.ts';
import type { Employer } from './organisations.ts';
import type { SeededRandom } from './random.ts';

/** The snapshot each dataset's records go into; banks deliver deposits and wealth products each on their own. */
export interface Sources {
  hukou: Provenance;
  cremation: Provenance;
  vehicle: Provenance;
  realEstate: Provenance;
  employment: Provenance;
  pension: Provenance;
  unemploymentBenefit: Provenance;
  housingFund: Provenance;
  business: Provenance;
  marriage: Provenance;
  disability: Provenance;
  staffRoster: Provenance;
  staffFiling: Provenance;
  banks: readonly {
    code: string;
    accountPrefix: string;
    productPrefix: string;
    deposits: Provenance;
    wealth: Provenance;
  }[];
}

/** Everything generation shares across households: the random stream, the writers and the truth being recorded. */
export interface GenerationContext {
  random: SeededRandom;
  ids: CitizenIdAllocator;
  records: DepartmentRecords;
  sources: Sources;
  standards: ReadonlyMap<string, StandardInForce>;
  employers: readonly Employer[];
  civilAffairsEmployers: readonly Employer[];
  /** The comparison's as-of date; income is that month's, assets as at that day. */
  asOfDay: number;
  /** The date department data is current to: a little after asOf, so later events (a death) can be present. */
  dataAsOfDay: number;
  /** Creation timestamp for hub-owned rows, fixed so that replays are byte-identical. */
  createdAtText: string;
  /** A running number for registry identifiers that must not repeat (hukou numbers, certificates, plates). */
  serial: number;
  plantedCases: PlantedCase[];
  controls: ControlCase[];
}

export interface Member {
  id: string;
  idNumber: string;
  name: string;
  sex: Sex;
  birthDay: number;
  age: number;
  relation: Relation;
  /** Day of death, when the member has died (before or after the as-of date). */
  diedOn: number | null;
  disabilityGrade: number | null;
}

/** A household being generated, with the running totals that the rules compare against its standard. */
export interface Household {
  id: string;
  county: County;
  areaType: AreaType;
  address: string;
  hukouNumber: string;
  members: Member[];
  standard: StandardInForce;
  /** Monthly income counted at the as-of date (wages, pensions, benefits in force, implied wages). */
  incomeFen: number;
  /** Deposits and wealth products together. */
  financialAssetsFen: number;
  homes: number;
  /** A working-age member kept free of income records, for a planted wage or housing-fund account. */
  earner?: Member | undefined;
}

export function nextSerial(context: GenerationContext): number {
  context.serial += 1;
  return context.serial;
}

/** Members alive on the as-of date: the ones the rules count per head. */
export function livingMembers(household: Household, asOfDay: number): Member[] {
  return household.members.filter((member) => member.diedOn === null || member.diedOn > asOfDay);
}

export function isWorkingAge(member: Member): boolean {
  return member.age >= 18 && member.age <= 59;
}
