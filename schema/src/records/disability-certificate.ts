import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const DisabilityCertificate = builder.prismaObject('DisabilityCertificate', {
  description: "A disability certificate from the disabled persons' federation; grade 1 is the most severe.",
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    certificateNumber: t.exposeString('certificateNumber'),
    category: t.exposeString('category'),
    grade: t.exposeInt('grade'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
