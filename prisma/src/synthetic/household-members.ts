import type { Relation, Sex } from '../../generated/enums.ts';
import { type SeededRandom, WeightedTable } from './random.ts';

// Who lives together, by household size, with each member's relation to the head (户主). Ages follow from the
// relations (children at least 20 years younger than the head, parents at least 20 older, grandchildren 40), so a
// household never reads as impossible.

export interface MemberPlan {
  relation: Relation;
  sex: Sex;
  age: number;
}

type Slot = 'H' | 'S' | 'C' | 'L' | 'P' | 'G' | 'B'; // head, spouse, child, child-in-law, parent, grandchild, sibling

const TEMPLATES: Record<number, WeightedTable<string>> = {
  1: new WeightedTable([['H', 1]]),
  2: new WeightedTable([
    ['HS', 70],
    ['HC', 14],
    ['HP', 9],
    ['HG', 3],
    ['HB', 4],
  ]),
  3: new WeightedTable([
    ['HSC', 72],
    ['HCC', 8],
    ['HSP', 12],
    ['HSG', 8],
  ]),
  4: new WeightedTable([
    ['HSCC', 52],
    ['HSCP', 25],
    ['HSGG', 10],
    ['HSCL', 13],
  ]),
  5: new WeightedTable([
    ['HSCCC', 15],
    ['HSCPP', 35],
    ['HSCCP', 25],
    ['HSCLG', 25],
  ]),
  6: new WeightedTable([
    ['HSCCPP', 45],
    ['HSCLGG', 35],
    ['HSCCCP', 20],
  ]),
};

export interface MemberConstraints {
  /** Recipients' heads are older on the whole: more widowed, retired and ill people live on assistance. */
  older?: boolean;
  /** At least one member aged 18–59, for cases that need a wage earner. */
  workingAdult?: boolean;
  /** At least one member aged 60 or more, for cases that need a pensioner. */
  elder?: boolean;
  /** A head old enough to have a grown-up child living elsewhere. */
  headMinAge?: number;
}

export function planMembers(random: SeededRandom, size: number, constraints: MemberConstraints = {}): MemberPlan[] {
  let plan = drawMembers(random, size, constraints.older ?? false);
  // Redraw rather than bend ages: a redraw keeps every household a plausible one.
  for (let attempt = 0; attempt < 40 && !satisfies(plan, constraints); attempt++) {
    plan = drawMembers(random, size, constraints.older ?? false);
  }
  return plan;
}

function satisfies(plan: MemberPlan[], constraints: MemberConstraints): boolean {
  if (constraints.workingAdult && !plan.some((member) => member.age >= 18 && member.age <= 59)) return false;
  if (constraints.elder && !plan.some((member) => member.age >= 60)) return false;
  if (constraints.headMinAge !== undefined && (plan[0] as MemberPlan).age < constraints.headMinAge) return false;
  return true;
}

function drawMembers(random: SeededRandom, size: number, older: boolean): MemberPlan[] {
  const template = random.weighted(TEMPLATES[Math.min(6, Math.max(1, size))] as WeightedTable<string>);
  const slots = [...template] as Slot[];
  const has = (slot: Slot) => slots.includes(slot);
  const headAge = has('P')
    ? random.int(24, 58)
    : has('G')
      ? random.int(has('L') ? 50 : 52, 80)
      : has('L')
        ? random.int(48, 72)
        : has('C')
          ? random.int(24, 62)
          : older
            ? random.int(40, 92)
            : random.int(has('S') ? 22 : 18, 88);
  const coupled = has('S');
  const bothParents = slots.filter((slot) => slot === 'P').length === 2;
  const headSex: Sex = coupled
    ? random.chance(0.82)
      ? 'MALE'
      : 'FEMALE'
    : has('C') || headAge >= 65
      ? random.chance(0.6)
        ? 'FEMALE'
        : 'MALE'
      : random.chance(0.55)
        ? 'MALE'
        : 'FEMALE';
  const members: MemberPlan[] = [{ relation: 'HEAD', sex: headSex, age: headAge }];
  let previousChildAge = -1;
  let firstParentAge = -1;
  const parentRelation: Relation = random.chance(0.7) ? 'PARENT' : 'PARENT_IN_LAW';
  for (const slot of slots.slice(1)) {
    const other: Sex = random.chance(0.52) ? 'MALE' : 'FEMALE';
    if (slot === 'S') {
      members.push({
        relation: 'SPOUSE',
        sex: headSex === 'MALE' ? 'FEMALE' : 'MALE',
        age: Math.max(20, headAge + random.int(-6, 3)),
      });
    } else if (slot === 'C') {
      const age =
        previousChildAge < 0
          ? headAge - random.int(has('L') ? 22 : 21, has('L') ? 28 : Math.min(38, headAge))
          : Math.max(0, previousChildAge - random.int(1, 6));
      previousChildAge = age;
      members.push({ relation: 'CHILD', sex: other, age });
    } else if (slot === 'L') {
      const child = members.find((member) => member.relation === 'CHILD');
      members.push({
        relation: 'CHILD_IN_LAW',
        sex: child?.sex === 'MALE' ? 'FEMALE' : 'MALE',
        age: Math.max(20, (child?.age ?? 25) + random.int(-3, 3)),
      });
    } else if (slot === 'P') {
      const age = firstParentAge < 0 ? Math.min(98, headAge + random.int(22, 34)) : firstParentAge + random.int(-4, 2);
      // Of two parents the first is the father; a parent living alone is more often a widowed mother.
      const sex: Sex = firstParentAge >= 0 ? 'FEMALE' : bothParents || random.chance(0.35) ? 'MALE' : 'FEMALE';
      firstParentAge = age;
      members.push({ relation: parentRelation, sex, age: Math.min(98, Math.max(headAge + 20, age)) });
    } else if (slot === 'G') {
      const child = members.find((member) => member.relation === 'CHILD');
      const age = child ? Math.max(0, child.age - random.int(20, 30)) : random.int(0, Math.min(16, headAge - 42));
      members.push({ relation: 'GRANDCHILD', sex: other, age });
    } else {
      members.push({ relation: 'SIBLING', sex: other, age: Math.max(16, headAge + random.int(-8, 8)) });
    }
  }
  return members;
}
