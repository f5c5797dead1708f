import { HousingFundStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const HousingFundStatusEnum = builder.enumType(HousingFundStatus, { name: 'HousingFundStatus' });

export const HousingFundAccount = builder.prismaObject('HousingFundAccount', {
  description:
    'A housing provident fund account; the monthly contribution (both shares) reveals the wage: contribution / (2 × rate).',
  authScopes: personalData,
  extensions: departmentRecord('HOUSING_FUND'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    accountNumber: t.exposeString('accountNumber', { extensions: identifier('ACCOUNT') }),
    status: t.expose('status', { type: HousingFundStatusEnum }),
    employerName: t.exposeString('employerName'),
    monthlyContributionFen: t.exposeInt('monthlyContributionFen'),
    contributionRate: t.expose('contributionRate', { type: 'Decimal' }),
    balanceFen: t.expose('balanceFen', { type: 'Fen' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
