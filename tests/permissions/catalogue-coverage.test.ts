import { schema } from '@hub/schema';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { itemsNamed, undisclosedPaths } from './disclosure-coverage.ts';
import { ITEMS_WITHOUT_FIELDS } from './permission-probe.ts';

describe('the data-item catalogue', () => {
  it('covers every field of the graph that carries personal data', () => {
    expect(undisclosedPaths(schema, ['Person', 'Household'])).toEqual([]);
  });

  it('would catch a personal-data field added without an item', () => {
    const Payslip = new GraphQLObjectType({ name: 'Payslip', fields: { grossFen: { type: GraphQLString } } });
    const Person = new GraphQLObjectType({
      name: 'Person',
      extensions: { disclosure: { item: 'PERSON_IDENTITY', subject: () => null, provider: () => null } },
      fields: {
        id: { type: GraphQLString, extensions: { disclosure: { kind: 'METADATA' } } },
        name: { type: GraphQLString },
        payslips: { type: Payslip, extensions: { disclosure: { kind: 'METADATA' } } },
      },
    });
    const probe = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { person: { type: Person } } }),
    });
    expect(undisclosedPaths(probe, ['Person'])).toEqual(['Person.payslips → Payslip']);
  });

  it('names only items that exist, and every item but those still without a field', () => {
    const catalogue = new Set(DATA_ITEMS.map((item) => item.code));
    const named = itemsNamed(schema);
    expect([...named].filter((code) => !catalogue.has(code))).toEqual([]);
    expect([...catalogue].filter((code) => !named.has(code)).sort()).toEqual(ITEMS_WITHOUT_FIELDS);
  });

  it('says for every item who provides it, how sensitive it is, and whether consent binds it', () => {
    for (const item of DATA_ITEMS) {
      expect(item.name.zh.length).toBeGreaterThan(0);
      expect(['LOW', 'MEDIUM', 'HIGH']).toContain(item.sensitivity);
    }
    // Financial data (banks, housing fund, property, vehicles) needs the subject's authorisation (domain.md).
    const consentBound = DATA_ITEMS.filter((item) => item.consentRequired).map((item) => item.code);
    expect(consentBound).toEqual(
      expect.arrayContaining(['BANK_DEPOSITS', 'WEALTH_PRODUCTS', 'HOUSING_FUND', 'REAL_ESTATE', 'VEHICLES']),
    );
  });
});
