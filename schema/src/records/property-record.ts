import { PropertyUse } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const PropertyUseEnum = builder.enumType(PropertyUse, { name: 'PropertyUse' });

export const PropertyRecord = builder.prismaObject('PropertyRecord', {
  description: 'Real estate the person owns, from housing and urban-rural development.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    certificateNumber: t.exposeString('certificateNumber'),
    address: t.exposeString('address'),
    regionCode: t.exposeString('regionCode'),
    use: t.expose('use', { type: PropertyUseEnum }),
    areaM2: t.expose('areaM2', { type: 'Decimal' }),
    acquiredOn: t.expose('acquiredOn', { type: 'Date' }),
    isPublicRental: t.exposeBoolean('isPublicRental'),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
