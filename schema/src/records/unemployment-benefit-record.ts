import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const UnemploymentBenefitRecord = builder.prismaObject('UnemploymentBenefitRecord', {
  description: 'Unemployment benefit paid to the person, from human resources and social security.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    monthlyAmountFen: t.exposeInt('monthlyAmountFen'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
