import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const EmploymentRecord = builder.prismaObject('EmploymentRecord', {
  description: 'Employment and wages, from human resources and social security.',
  authScopes: personalData,
  extensions: departmentRecord('EMPLOYMENT_WAGES'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    employerName: t.exposeString('employerName'),
    employerCode: t.exposeString('employerCode'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true }),
    monthlyWageFen: t.exposeInt('monthlyWageFen'),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
