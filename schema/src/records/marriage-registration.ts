import { MarriageEvent } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const MarriageEventEnum = builder.enumType(MarriageEvent, { name: 'MarriageEvent' });

export const MarriageRegistration = builder.prismaObject('MarriageRegistration', {
  description: 'A marriage or divorce registration, from civil affairs.',
  authScopes: personalData,
  extensions: departmentRecord('MARRIAGE'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    event: t.expose('event', { type: MarriageEventEnum }),
    spouseIdNumber: t.exposeString('spouseIdNumber', { extensions: identifier('ID_NUMBER') }),
    spouseName: t.exposeString('spouseName', { extensions: identifier('NAME') }),
    registeredOn: t.expose('registeredOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
