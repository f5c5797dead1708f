import { Relation, Sex } from '@hub/prisma';
import { builder } from '../builder.ts';
import { serviceDay } from '../calendar/service-day.ts';
import { disclosedType, identifier, metadata, personSubject, records, value } from '../disclosure/annotations.ts';
import { visibleRecords, visibleRecordsWhere } from '../disclosure/visible-records.ts';
import { knowCurrentCases } from '../households/household-facts.ts';
import { personalData, personalDataOf } from '../scopes.ts';
import { deathEvidence, PersonDeath } from './death.ts';
import { personWithIdNumber, validIdNumber } from './id-number-argument.ts';

export const SexEnum = builder.enumType(Sex, { name: 'Sex' });
export const RelationEnum = builder.enumType(Relation, {
  name: 'Relation',
  description: "A member's relation to the head of the household.",
});

export const Person = builder.prismaObject('Person', {
  description:
    "A person, keyed by the 18-character citizen identity number (GB 11643). Each department's records hang off " +
    'the person as a branch with its provenance; only records of CURRENT snapshots are shown, and only what the ' +
    "caller's agreements allow: a field it may not see is null with a FORBIDDEN error naming the data item.",
  authScopes: personalDataOf,
  extensions: disclosedType<{ id: string }>({
    item: 'PERSON_IDENTITY',
    subject: (person) => personSubject(person.id),
    provider: () => null,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    idNumber: t.exposeString('idNumber', { nullable: true, extensions: identifier('ID_NUMBER') }),
    name: t.exposeString('name', { nullable: true, extensions: identifier('NAME') }),
    sex: t.expose('sex', { type: SexEnum, nullable: true }),
    birthDate: t.expose('birthDate', { type: 'Date', nullable: true, extensions: identifier(null) }),
    relation: t.expose('relation', { type: RelationEnum, nullable: true, extensions: value('HOUSEHOLD_COMPOSITION') }),
    household: t.relation('household', { nullable: true, extensions: metadata }),
    hukou: t.relation('hukou', { nullable: true, query: visibleRecords('HUKOU'), extensions: records('HUKOU') }),
    death: t.field({
      type: PersonDeath,
      nullable: true,
      description:
        'Evidence of death from cremation records and hukou cancellations, as far as the caller may see them.',
      extensions: { disclosure: { kind: 'FACT', items: ['CREMATION', 'HUKOU'] } },
      select: async (_args, context) => ({
        cremations: { where: await visibleRecordsWhere(context, 'CREMATION', 'FACT') },
        hukou: { where: await visibleRecordsWhere(context, 'HUKOU', 'FACT') },
      }),
      // The select cannot know the person; narrow the evidence to what the caller may know of this one.
      resolve: async (person, _args, context) => {
        const subject = personSubject(person.id);
        const [cremationProviders, hukouProviders] = await Promise.all([
          context.access.providersFor('CREMATION', 'FACT', subject),
          context.access.providersFor('HUKOU', 'FACT', subject),
        ]);
        const visible = <R extends { departmentId: string }>(rows: R[], providers: readonly string[] | 'ANY') =>
          providers === 'ANY' ? rows : rows.filter((row) => providers.includes(row.departmentId));
        return deathEvidence(
          person.id,
          visible(person.cremations, cremationProviders),
          visible(person.hukou, hukouProviders),
        );
      },
    }),
    vehicles: t.relation('vehicles', {
      nullable: true,
      query: visibleRecords('VEHICLES'),
      extensions: records('VEHICLES'),
    }),
    properties: t.relation('properties', {
      nullable: true,
      query: visibleRecords('REAL_ESTATE'),
      extensions: records('REAL_ESTATE'),
    }),
    employment: t.relation('employments', {
      nullable: true,
      query: visibleRecords('EMPLOYMENT_WAGES'),
      extensions: records('EMPLOYMENT_WAGES'),
    }),
    pensions: t.relation('pensions', {
      nullable: true,
      query: visibleRecords('PENSIONS'),
      extensions: records('PENSIONS'),
    }),
    unemploymentBenefits: t.relation('unemploymentBenefits', {
      nullable: true,
      query: visibleRecords('UNEMPLOYMENT_BENEFITS'),
      extensions: records('UNEMPLOYMENT_BENEFITS'),
    }),
    housingFund: t.relation('housingFundAccounts', {
      nullable: true,
      query: visibleRecords('HOUSING_FUND'),
      extensions: records('HOUSING_FUND'),
    }),
    bankAccounts: t.relation('bankDeposits', {
      nullable: true,
      query: visibleRecords('BANK_DEPOSITS'),
      extensions: records('BANK_DEPOSITS'),
    }),
    wealthProducts: t.relation('wealthProducts', {
      nullable: true,
      query: visibleRecords('WEALTH_PRODUCTS'),
      extensions: records('WEALTH_PRODUCTS'),
    }),
    businesses: t.relation('businesses', {
      nullable: true,
      query: visibleRecords('BUSINESS_REGISTRATIONS'),
      extensions: records('BUSINESS_REGISTRATIONS'),
    }),
    marriages: t.relation('marriages', {
      nullable: true,
      query: visibleRecords('MARRIAGE'),
      extensions: records('MARRIAGE'),
    }),
    disabilities: t.relation('disabilities', {
      nullable: true,
      query: visibleRecords('DISABILITY'),
      extensions: records('DISABILITY'),
    }),
  }),
});

builder.queryField('person', (t) =>
  t.prismaField({
    type: 'Person',
    nullable: true,
    description:
      'The person with this 18-character citizen identity number; null when the hub knows none or the person is ' +
      "outside the caller's reach. A lookup says whether a person exists: it needs an active agreement for the " +
      'purpose declared in the `x-hub-purpose` header (FORBIDDEN otherwise, whoever is asked about).',
    authScopes: personalData,
    args: { idNumber: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const planned = { ...query }; // read before anything awaits, so the plan is not skipped
      const idNumber = validIdNumber(args.idNumber);
      await context.access.requireReach('PERSON_IDENTITY', () => personWithIdNumber(context, idNumber));
      if (!(await context.access.reachesPerson({ idNumber }))) return null;
      let person: Awaited<ReturnType<typeof context.prisma.person.findUnique>>;
      if (asksAtMostTheHousehold(planned)) {
        const found = await context.services.lookups.personWithHousehold(idNumber, serviceDay());
        if (found?.person.household) knowCurrentCases(context, found.person.household.id, found.currentCases);
        person = found?.person ?? null;
      } else {
        person = await context.prisma.person.findUnique({ ...planned, where: { idNumber } });
      }
      if (person) context.disclosures.touch(personSubject(person.id));
      return person;
    },
  }),
);

// The partners' question (the person's own fields, their household's own fields) has a prepared statement of its
// own; a query reaching further (records, the household's members) is planned by Pothos and read by Prisma.
function asksAtMostTheHousehold(planned: { include?: unknown; select?: unknown }): boolean {
  if (Object.keys(planned).some((key) => key !== 'include')) return false;
  const include = (planned.include ?? {}) as Record<string, unknown>;
  return Object.entries(include).every(([relation, selection]) => relation === 'household' && selection === true);
}
