import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const CremationRecord = builder.prismaObject('CremationRecord', {
  description: 'A cremation (火化) record from a funeral home, via civil affairs.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    diedOn: t.expose('diedOn', { type: 'Date' }),
    crematedOn: t.expose('crematedOn', { type: 'Date' }),
    funeralHome: t.exposeString('funeralHome'),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
