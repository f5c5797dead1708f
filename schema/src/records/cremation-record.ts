import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const CremationRecord = builder.prismaObject('CremationRecord', {
  description: 'A cremation (火化) record from a funeral home, via civil affairs.',
  authScopes: personalData,
  extensions: departmentRecord('CREMATION'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    diedOn: t.expose('diedOn', { type: 'Date' }),
    crematedOn: t.expose('crematedOn', { type: 'Date' }),
    funeralHome: t.exposeString('funeralHome'),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
