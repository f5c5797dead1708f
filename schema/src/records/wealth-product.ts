import { WealthProductType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const WealthProductTypeEnum = builder.enumType(WealthProductType, { name: 'WealthProductType' });

export const WealthProduct = builder.prismaObject('WealthProduct', {
  description: 'A wealth-management product, fund, securities or insurance cash value held at a financial institution.',
  authScopes: personalData,
  extensions: departmentRecord('WEALTH_PRODUCTS'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    productName: t.exposeString('productName'),
    productType: t.expose('productType', { type: WealthProductTypeEnum }),
    marketValueFen: t.expose('marketValueFen', { type: 'Fen' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
