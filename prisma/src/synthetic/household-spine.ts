import type { AreaType } from '../../generated/enums.ts';
import { ruralAddress, urbanAddress } from './addresses.ts';
import { dayFromParts, isoDate, lastOfMonth, yearOf } from './calendar.ts';
import { pickGivenName, pickSurname } from './chinese-names.ts';
import type { ChunkRows } from './chunk-rows.ts';
import { type County, HISTORIC_YINCHUAN_CODES, OTHER_NINGXIA_CODES } from './demo-region.ts';
import { standardKey } from './demo-standards.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import { nextSerial } from './generation-context.ts';
import type { MemberPlan } from './household-members.ts';
import { copyText } from './table-columns.ts';

// The hub's own rows for a household (the household, its persons) and the registrations every person has:
// a hukou entry (户籍) on the household's booklet, marriages between the couples in it, deaths where planned.

const DISTRICTS = new Set(['640104', '640105', '640106']);
const FUNERAL_HOMES = ['银川市殡仪馆', '永宁县殡仪馆', '贺兰县殡仪馆', '灵武市殡仪馆'];

export interface SpineOptions {
  county: County;
  areaType: AreaType;
  plan: MemberPlan[];
  /** Day of death per member index, for members who have died. */
  deaths?: ReadonlyMap<number, number>;
  /** Share of members holding a disability certificate. */
  disabilityShare: number;
  /** Share of deaths that left a cremation record (burial is common among the Hui). */
  cremationShare?: number;
  /** A member still on another household's hukou booklet (人户分离), by member index. */
  hukouNumbers?: ReadonlyMap<number, string>;
}

export function createHousehold(context: GenerationContext, rows: ChunkRows, options: SpineOptions): Household {
  const { random, records, sources } = context;
  const { county, areaType, plan } = options;
  const standard = context.standards.get(standardKey(county.code, areaType));
  if (!standard) throw new Error(`no assistance standard for ${county.code} ${areaType}`);
  const household: Household = {
    id: random.uuid(),
    county,
    areaType,
    address: areaType === 'URBAN' ? urbanAddress(random, county) : ruralAddress(random, county),
    hukouNumber: `${county.code}${String(nextSerial(context)).padStart(9, '0')}`,
    members: [],
    standard,
    incomeFen: 0,
    financialAssetsFen: 0,
    homes: 0,
  };
  rows.households++;
  rows.add(
    'households',
    `${household.id}\t${county.code}\t${areaType}\t${copyText(household.address)}\t${context.createdAtText}\n`,
  );

  const head = plan[0] as MemberPlan;
  const spouse = plan.find((member) => member.relation === 'SPOUSE');
  const headSurname = pickSurname(random);
  const spouseSurname = pickSurname(random);
  // Children carry the father's surname; the head's parents are the head's own family, the in-laws the spouse's.
  const familySurname = head.sex === 'MALE' || !spouse ? headSurname : spouseSurname;
  plan.forEach((memberPlan, index) => {
    const surname =
      memberPlan.relation === 'HEAD' || memberPlan.relation === 'SIBLING'
        ? headSurname
        : memberPlan.relation === 'SPOUSE'
          ? spouseSurname
          : memberPlan.relation === 'CHILD' || memberPlan.relation === 'GRANDCHILD'
            ? familySurname
            : memberPlan.relation === 'PARENT' && memberPlan.sex === 'MALE'
              ? headSurname
              : memberPlan.relation === 'PARENT_IN_LAW' && memberPlan.sex === 'MALE'
                ? spouseSurname
                : pickSurname(random);
    const asOf = new Date(context.asOfDay * 86_400_000);
    const anniversary = dayFromParts(
      asOf.getUTCFullYear() - memberPlan.age,
      asOf.getUTCMonth() + 1,
      Math.min(28, asOf.getUTCDate()),
    );
    const birthDay = anniversary - random.int(0, 364);
    const birthYear = yearOf(birthDay);
    const idRegion =
      birthYear < 2002 && DISTRICTS.has(county.code) && random.chance(0.3)
        ? random.pick(HISTORIC_YINCHUAN_CODES)
        : memberPlan.age >= 18 && random.chance(0.07)
          ? random.pick(OTHER_NINGXIA_CODES)
          : county.code;
    const member: Member = {
      id: random.uuid(),
      idNumber: context.ids.allocate(idRegion, birthDay, memberPlan.sex),
      name: surname + pickGivenName(random, memberPlan.sex, birthYear),
      sex: memberPlan.sex,
      birthDay,
      age: memberPlan.age,
      relation: memberPlan.relation,
      diedOn: options.deaths?.get(index) ?? null,
      disabilityGrade: random.chance(options.disabilityShare) ? random.int(1, 4) : null,
    };
    household.members.push(member);
    rows.persons++;
    rows.add(
      'persons',
      `${member.id}\t${member.idNumber}\t${copyText(member.name)}\t${member.sex}\t${isoDate(birthDay)}\t${household.id}\t${member.relation}\t${context.createdAtText}\n`,
    );
    const died = member.diedOn;
    const cancelledOn =
      died === null ? null : Math.min(lastOfMonth(died), died + random.int(1, 15), context.dataAsOfDay);
    const hukouNumber = options.hukouNumbers?.get(index) ?? household.hukouNumber;
    records.hukou(sources.hukou, member.id, hukouNumber.slice(0, 6), hukouNumber, cancelledOn);
    if (member.disabilityGrade !== null) certifyDisability(context, member, member.disabilityGrade);
    if (died !== null && random.chance(options.cremationShare ?? 1)) {
      const crematedOn = Math.min(died + random.int(1, 3), context.dataAsOfDay);
      records.cremation(sources.cremation, member.id, died, crematedOn, random.pick(FUNERAL_HOMES));
    }
  });
  registerMarriages(context, household);
  return household;
}

// 残疾人证: the number is the holder's identity number, the category digit and the grade.
const DISABILITY_CATEGORIES = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
const CATEGORY_WEIGHTS = [0.12, 0.16, 0.02, 0.45, 0.08, 0.12, 0.05];

function certifyDisability(context: GenerationContext, member: Member, grade: number): void {
  const draw = context.random.float();
  let category = 0;
  for (
    let sum = CATEGORY_WEIGHTS[0] as number;
    sum <= draw && category < 6;
    sum += CATEGORY_WEIGHTS[++category] as number
  );
  const issuedOn = Math.min(
    context.asOfDay - 30,
    member.birthDay + context.random.int(365, 365 * Math.max(2, member.age)),
  );
  context.records.disability(
    context.sources.disability,
    member.id,
    `${member.idNumber}${category + 1}${grade}`,
    DISABILITY_CATEGORIES[category] as string,
    grade,
    issuedOn,
  );
}

function registerMarriages(context: GenerationContext, household: Household): void {
  const byRelation = (relation: string) => household.members.filter((member) => member.relation === relation);
  const couples: [Member, Member][] = [];
  const head = household.members[0] as Member;
  const [spouse] = byRelation('SPOUSE');
  if (spouse) couples.push([head, spouse]);
  const [child] = byRelation('CHILD');
  const [childInLaw] = byRelation('CHILD_IN_LAW');
  if (child && childInLaw) couples.push([child, childInLaw]);
  for (const relation of ['PARENT', 'PARENT_IN_LAW']) {
    const [father, mother] = byRelation(relation);
    if (father && mother) couples.push([father, mother]);
  }
  for (const [first, second] of couples) {
    // Marriages from before the registers went digital are often missing.
    if (!context.random.chance(Math.max(first.age, second.age) > 65 ? 0.6 : 0.92)) continue;
    registerMarriage(context, first, second);
  }
}

/** Both spouses' civil-affairs entries, dated when the younger was between 20 and 30. */
export function registerMarriage(context: GenerationContext, first: Member, second: Member): void {
  const younger = first.birthDay > second.birthDay ? first : second;
  const atAge = context.random.int(20, Math.max(20, Math.min(30, younger.age)));
  const registeredOn = Math.min(younger.birthDay + Math.floor(atAge * 365.25) + 30, context.asOfDay - 30);
  context.records.marriage(context.sources.marriage, first.id, 'MARRIAGE', second.idNumber, second.name, registeredOn);
  context.records.marriage(context.sources.marriage, second.id, 'MARRIAGE', first.idNumber, first.name, registeredOn);
}
