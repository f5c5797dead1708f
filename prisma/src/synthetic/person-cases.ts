import { enrolGuarantee } from './assistance-records.ts';
import { isoDate } from './calendar.ts';
import type { ChunkRows } from './chunk-rows.ts';
import type { GenerationContext, Member } from './generation-context.ts';
import { livingMembers } from './generation-context.ts';
import { drawPlace } from './household-draws.ts';
import type { MemberPlan } from './household-members.ts';
import { createHousehold, registerMarriage } from './household-spine.ts';
import { ordinaryAssets, ordinaryIncome } from './ordinary-finances.ts';
import { qualifyingHousehold } from './regular-households.ts';
import { appointStaff } from './staff-roster.ts';

// Cases about people rather than money: a recipient who died (hukou cancelled for death, cremated, pension
// stopped) and the control who died only after the as-of date; a staff member who is a recipient's close
// relative, unfiled (planted) or filed (control).

/** The oldest member dies: before the as-of date (planted), or after it but within the data (control). */
export function plantDeath(
  context: GenerationContext,
  rows: ChunkRows,
  maxSize: number,
  variant: 'ELDER_IN_FAMILY' | 'LIVING_ALONE' | 'AFTER_AS_OF',
): void {
  const { random } = context;
  const diedOn =
    variant === 'AFTER_AS_OF'
      ? random.day(context.asOfDay + 3, context.dataAsOfDay - 5)
      : random.day(context.asOfDay - 240, context.asOfDay - 15);
  const household = qualifyingHousehold(context, rows, maxSize, {
    elder: true,
    ...(variant === 'LIVING_ALONE'
      ? { plan: [{ relation: 'HEAD', sex: random.chance(0.5) ? 'MALE' : 'FEMALE', age: random.int(65, 90) }] }
      : { minSize: 2 }),
    deathsOf: (plan) => {
      const oldest = plan.reduce(
        (best, member, index) => (member.age > (plan[best] as MemberPlan).age ? index : best),
        0,
      );
      return new Map([[oldest, diedOn]]);
    },
  });
  const deceased = household.members.find((member) => member.diedOn !== null) as Member;
  // The benefit was set while the member was alive: the gap for every member, the deceased included.
  const gap = household.members.length * household.standard.minimumLivingMonthlyFen - household.incomeFen;
  enrolGuarantee(context, rows, household, Math.max(100, Math.floor(gap / 100) * 100));
  const detail = {
    diedOn: isoDate(diedOn),
    age: deceased.age,
    livingMembers: livingMembers(household, context.asOfDay).length,
    pensionStopped: deceased.age >= 55,
  };
  if (variant === 'AFTER_AS_OF') {
    context.controls.push({
      kind: 'DEATH_AFTER_AS_OF',
      householdId: household.id,
      personId: deceased.id,
      note: 'the member died after the as-of date: alive on the day the comparison is about',
      detail,
    });
  } else {
    context.plantedCases.push({
      kind: 'DECEASED_MEMBER',
      householdId: household.id,
      personId: deceased.id,
      expectedFlag: 'DECEASED_MEMBER',
      detail: { variant, ...detail },
    });
  }
}

/**
 * A staff member related to a recipient. SAME_HUKOU: the recipient head's grown-up child, living in a household
 * of their own but still on the parents' hukou booklet. MARRIAGE: the recipient head's spouse by marriage
 * registration, registered as living elsewhere. Filed or not, as asked.
 */
export function plantStaffRelative(
  context: GenerationContext,
  rows: ChunkRows,
  maxSize: number,
  evidence: 'SAME_HUKOU' | 'MARRIAGE',
  filed: boolean,
): void {
  const { random } = context;
  const place = drawPlace(random);
  let recipientPlan: MemberPlan[] | undefined;
  if (evidence === 'MARRIAGE') {
    const age = random.int(30, 50);
    recipientPlan = [{ relation: 'HEAD', sex: 'FEMALE', age }];
    for (let child = 0; child < Math.min(random.int(1, 2), maxSize - 3); child++) {
      recipientPlan.push({
        relation: 'CHILD',
        sex: random.chance(0.5) ? 'MALE' : 'FEMALE',
        age: random.int(Math.max(0, age - 30), age - 22),
      });
    }
  }
  const recipients = qualifyingHousehold(context, rows, maxSize - 2, {
    place,
    ...(recipientPlan ? { plan: recipientPlan } : { headMinAge: 52 }),
  });
  enrolGuarantee(context, rows, recipients);
  const head = recipients.members[0] as Member;

  const staffAge =
    evidence === 'MARRIAGE' ? head.age + random.int(-2, 4) : Math.min(58, Math.max(23, head.age - random.int(22, 30)));
  const staffPlan: MemberPlan[] = [
    { relation: 'HEAD', sex: evidence === 'MARRIAGE' ? 'MALE' : random.chance(0.6) ? 'MALE' : 'FEMALE', age: staffAge },
  ];
  if (evidence === 'SAME_HUKOU' && random.chance(0.6)) {
    staffPlan.push({
      relation: 'SPOUSE',
      sex: staffPlan[0]?.sex === 'MALE' ? 'FEMALE' : 'MALE',
      age: Math.max(22, staffAge + random.int(-3, 3)),
    });
  }
  const staffHousehold = createHousehold(context, rows, {
    ...place,
    plan: staffPlan,
    disabilityShare: 0,
    ...(evidence === 'SAME_HUKOU' ? { hukouNumbers: new Map([[0, recipients.hukouNumber]]) } : {}),
  });
  const staffPerson = staffHousehold.members[0] as Member;
  if (evidence === 'MARRIAGE') registerMarriage(context, head, staffPerson);
  ordinaryIncome(context, staffHousehold, new Set([staffPerson]));
  const staffMemberId = appointStaff(context, staffHousehold, staffPerson);
  ordinaryAssets(context, staffHousehold);
  const relation = evidence === 'MARRIAGE' ? 'SPOUSE' : 'PARENT';
  if (filed) {
    const filedOn = random.day(context.asOfDay - 700, context.asOfDay - 10);
    context.records.staffRelativeFiling(context.sources.staffFiling, staffPerson.id, head.id, relation, filedOn);
  }
  const detail = {
    evidence,
    relation,
    staffPersonId: staffPerson.id,
    staffMemberId,
    staffHouseholdId: staffHousehold.id,
    hukouNumber: recipients.hukouNumber,
  };
  if (filed) {
    context.controls.push({
      kind: 'STAFF_RELATIVE_FILED',
      householdId: recipients.id,
      personId: head.id,
      note: `the recipient head is a staff member's ${relation === 'SPOUSE' ? 'spouse' : 'parent'}, and the staff member filed it`,
      detail,
    });
  } else {
    context.plantedCases.push({
      kind: 'STAFF_RELATIVE_UNFILED',
      householdId: recipients.id,
      personId: head.id,
      expectedFlag: 'UNFILED_STAFF_RELATIVE',
      detail,
    });
  }
}
