import { Relation, Sex } from '@hub/prisma';
import { builder } from '../builder.ts';
import { currentRecords } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';
import { deathEvidence, PersonDeath } from './death.ts';
import { validIdNumber } from './id-number-argument.ts';

export const SexEnum = builder.enumType(Sex, { name: 'Sex' });
export const RelationEnum = builder.enumType(Relation, {
  name: 'Relation',
  description: "A member's relation to the head of the household.",
});

export const Person = builder.prismaObject('Person', {
  description:
    "A person, keyed by the 18-character citizen identity number (GB 11643). Each department's records hang off " +
    'the person as a branch with its provenance; only records of CURRENT snapshots are shown.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    idNumber: t.exposeString('idNumber'),
    name: t.exposeString('name'),
    sex: t.expose('sex', { type: SexEnum }),
    birthDate: t.expose('birthDate', { type: 'Date' }),
    relation: t.expose('relation', { type: RelationEnum, nullable: true }),
    household: t.relation('household', { nullable: true }),
    hukou: t.relation('hukou', { query: currentRecords }),
    death: t.field({
      type: PersonDeath,
      nullable: true,
      select: async (args, context) => {
        const current = await currentRecords(args, context);
        return { cremations: current, hukou: current };
      },
      resolve: (person) => deathEvidence(person.cremations, person.hukou),
    }),
    vehicles: t.relation('vehicles', { query: currentRecords }),
    properties: t.relation('properties', { query: currentRecords }),
    employment: t.relation('employments', { query: currentRecords }),
    pensions: t.relation('pensions', { query: currentRecords }),
    unemploymentBenefits: t.relation('unemploymentBenefits', { query: currentRecords }),
    housingFund: t.relation('housingFundAccounts', { query: currentRecords }),
    bankAccounts: t.relation('bankDeposits', { query: currentRecords }),
    wealthProducts: t.relation('wealthProducts', { query: currentRecords }),
    businesses: t.relation('businesses', { query: currentRecords }),
    marriages: t.relation('marriages', { query: currentRecords }),
    disabilities: t.relation('disabilities', { query: currentRecords }),
  }),
});

builder.queryField('person', (t) =>
  t.prismaField({
    type: 'Person',
    nullable: true,
    description: 'The person with this 18-character citizen identity number; null when the hub knows none.',
    authScopes: personalData,
    args: { idNumber: t.arg.string({ required: true }) },
    resolve: (query, _root, args, { prisma }) =>
      prisma.person.findUnique({ ...query, where: { idNumber: validIdNumber(args.idNumber) } }),
  }),
);
