import { MarriageEvent } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const MarriageEventEnum = builder.enumType(MarriageEvent, { name: 'MarriageEvent' });

export const MarriageRegistration = builder.prismaObject('MarriageRegistration', {
  description: 'A marriage or divorce registration, from civil affairs.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    event: t.expose('event', { type: MarriageEventEnum }),
    spouseIdNumber: t.exposeString('spouseIdNumber'),
    spouseName: t.exposeString('spouseName'),
    registeredOn: t.expose('registeredOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
