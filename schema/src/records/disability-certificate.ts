import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const DisabilityCertificate = builder.prismaObject('DisabilityCertificate', {
  description: "A disability certificate from the disabled persons' federation; grade 1 is the most severe.",
  authScopes: personalData,
  extensions: departmentRecord('DISABILITY'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    certificateNumber: t.exposeString('certificateNumber', { extensions: identifier('ACCOUNT') }),
    category: t.exposeString('category'),
    grade: t.exposeInt('grade'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
