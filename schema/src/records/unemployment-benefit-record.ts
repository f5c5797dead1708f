import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const UnemploymentBenefitRecord = builder.prismaObject('UnemploymentBenefitRecord', {
  description: 'Unemployment benefit paid to the person, from human resources and social security.',
  authScopes: personalData,
  extensions: departmentRecord('UNEMPLOYMENT_BENEFITS'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    monthlyAmountFen: t.exposeInt('monthlyAmountFen'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
