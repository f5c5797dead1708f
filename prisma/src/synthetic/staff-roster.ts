import { yuan } from './asset-records.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import { recordWage } from './income-sources.ts';
import { villageCommittee } from './organisations.ts';

// Civil-affairs staff and village cadres (民政干部、村干部): their close relatives on assistance must be filed
// (近亲属备案). Staff are drawn from households not on assistance; where a relative receives assistance, that is
// planted on purpose (filed or not) and written in the manifest.

const CIVIL_AFFAIRS_POSITIONS = ['社会救助科科员', '乡镇民政助理员', '社区低保专干', '核对中心核对员'];
const CADRE_POSITIONS = ['村党支部书记', '村委会主任', '村委会委员', '村会计', '村监委会主任'];

/** Appoints `member` and records the wage that goes with the post; returns the staff member's id. */
export function appointStaff(context: GenerationContext, household: Household, member: Member): string {
  const { random } = context;
  const cadre = household.areaType === 'RURAL';
  if (cadre) {
    recordWage(context, household, member, yuan(random.int(2_600, 3_600)), {
      employer: villageCommittee(random, household.county, household.address),
    });
  } else {
    recordWage(context, household, member, yuan(random.logNormal(7_000, 0.15)), {
      employer: random.pick(context.civilAffairsEmployers),
      housingFundRatePermille: 120,
    });
  }
  return context.records.staffMember(
    context.sources.staffRoster,
    member.id,
    cadre ? 'VILLAGE_CADRE' : 'CIVIL_AFFAIRS_STAFF',
    random.pick(cadre ? CADRE_POSITIONS : CIVIL_AFFAIRS_POSITIONS),
    household.county.code,
  );
}

/** Working-age members of an ordinary household who hold a post: a few per thousand adults. */
export function drawStaff(context: GenerationContext, household: Household): Set<Member> {
  const staff = new Set<Member>();
  const chance = household.areaType === 'RURAL' ? 0.004 : 0.002;
  for (const member of household.members) {
    if (member.diedOn === null && member.age >= 23 && member.age <= 58 && context.random.chance(chance)) {
      staff.add(member);
    }
  }
  return staff;
}
