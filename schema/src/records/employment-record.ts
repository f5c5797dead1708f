import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const EmploymentRecord = builder.prismaObject('EmploymentRecord', {
  description: 'Employment and wages, from human resources and social security.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    employerName: t.exposeString('employerName'),
    employerCode: t.exposeString('employerCode'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true }),
    monthlyWageFen: t.exposeInt('monthlyWageFen'),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
