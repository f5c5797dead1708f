import { PensionType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const PensionTypeEnum = builder.enumType(PensionType, { name: 'PensionType' });

export const PensionRecord = builder.prismaObject('PensionRecord', {
  description: 'A pension paid to the person, from human resources and social security; pensions stop on death.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    pensionType: t.expose('pensionType', { type: PensionTypeEnum }),
    monthlyAmountFen: t.exposeInt('monthlyAmountFen'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    stoppedOn: t.expose('stoppedOn', { type: 'Date', nullable: true }),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
