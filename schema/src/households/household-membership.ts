import { builder } from '../builder.ts';
import { disclosedType, householdSubject, metadata } from '../disclosure/annotations.ts';
import { RelationEnum } from '../persons/person.ts';
import { personalData } from '../scopes.ts';

export const HouseholdMembership = builder.prismaObject('HouseholdMembership', {
  description:
    'One period of a person’s membership of a household, from validFrom up to (not including) validTo: the ' +
    'composition’s history. A comparison run as of a date counts the members of that date.',
  authScopes: personalData,
  extensions: disclosedType<{ householdId: string }>({
    item: 'HOUSEHOLD_COMPOSITION',
    subject: (row) => householdSubject(row.householdId),
    provider: () => null,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    person: t.relation('person'),
    relation: t.expose('relation', { type: RelationEnum }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true, description: 'Null while the person is a member.' }),
  }),
});
