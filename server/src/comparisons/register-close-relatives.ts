import type { KinRelation, Relation } from '@hub/prisma';

// Close relatives (近亲属) for the staff-relatives check as the civil-affairs register shows them: two people who are
// or were members of one register household, each with their relation to its head, are close relatives when the
// pair of relations says so. The list is domain.md's: spouse; both sides' parents and siblings; children and their
// spouses; grandparents; grandchildren; uncles and aunts. Pairs the relations leave open (a head's grandchild may be
// the staff member's child or nephew) or that fall outside the list (a sibling's spouse) are left out.

/** [the staff member's relation to the head, the member's relation to the head, what the member is to the staff member] */
export const REGISTER_CLOSE_RELATIVES: readonly (readonly [Relation, Relation, KinRelation])[] = [
  ['HEAD', 'SPOUSE', 'SPOUSE'],
  ['SPOUSE', 'HEAD', 'SPOUSE'],
  ['CHILD', 'HEAD', 'PARENT'],
  ['CHILD', 'SPOUSE', 'PARENT'],
  ['HEAD', 'PARENT', 'PARENT'],
  ['SPOUSE', 'PARENT_IN_LAW', 'PARENT'],
  ['SPOUSE', 'PARENT', 'PARENT_IN_LAW'],
  ['HEAD', 'PARENT_IN_LAW', 'PARENT_IN_LAW'],
  ['CHILD_IN_LAW', 'HEAD', 'PARENT_IN_LAW'],
  ['CHILD_IN_LAW', 'SPOUSE', 'PARENT_IN_LAW'],
  ['CHILD', 'CHILD', 'SIBLING'],
  ['HEAD', 'SIBLING', 'SIBLING'],
  ['SIBLING', 'HEAD', 'SIBLING'],
  ['SIBLING', 'SIBLING', 'SIBLING'],
  ['SPOUSE', 'SIBLING', 'SIBLING_IN_LAW'],
  ['HEAD', 'CHILD', 'CHILD'],
  ['SPOUSE', 'CHILD', 'CHILD'],
  ['PARENT', 'HEAD', 'CHILD'],
  ['PARENT_IN_LAW', 'SPOUSE', 'CHILD'],
  ['HEAD', 'CHILD_IN_LAW', 'CHILD_IN_LAW'],
  ['SPOUSE', 'CHILD_IN_LAW', 'CHILD_IN_LAW'],
  ['PARENT', 'SPOUSE', 'CHILD_IN_LAW'],
  ['PARENT_IN_LAW', 'HEAD', 'CHILD_IN_LAW'],
  ['HEAD', 'GRANDPARENT', 'GRANDPARENT'],
  ['CHILD', 'PARENT', 'GRANDPARENT'],
  ['GRANDCHILD', 'HEAD', 'GRANDPARENT'],
  ['GRANDCHILD', 'SPOUSE', 'GRANDPARENT'],
  ['HEAD', 'GRANDCHILD', 'GRANDCHILD'],
  ['SPOUSE', 'GRANDCHILD', 'GRANDCHILD'],
  ['GRANDPARENT', 'HEAD', 'GRANDCHILD'],
  ['PARENT', 'CHILD', 'GRANDCHILD'],
  ['CHILD', 'SIBLING', 'UNCLE_OR_AUNT'],
];

/** The pairs as an SQL relation (staff_relation, member_relation, kin). */
export const REGISTER_CLOSE_RELATIVES_SQL = `(VALUES ${REGISTER_CLOSE_RELATIVES.map(
  ([staff, member, kin]) => `('${staff}'::"Relation", '${member}'::"Relation", '${kin}')`,
).join(', ')}) AS kin_pair(staff_relation, member_relation, kin)`;
