import { PropertyUse } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const PropertyUseEnum = builder.enumType(PropertyUse, { name: 'PropertyUse' });

export const PropertyRecord = builder.prismaObject('PropertyRecord', {
  description: 'Real estate the person owns, from housing and urban-rural development.',
  authScopes: personalData,
  extensions: departmentRecord('REAL_ESTATE'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    certificateNumber: t.exposeString('certificateNumber', { extensions: identifier('ACCOUNT') }),
    address: t.exposeString('address', { extensions: identifier('ADDRESS') }),
    regionCode: t.exposeString('regionCode'),
    use: t.expose('use', { type: PropertyUseEnum }),
    areaM2: t.expose('areaM2', { type: 'Decimal' }),
    acquiredOn: t.expose('acquiredOn', { type: 'Date' }),
    isPublicRental: t.exposeBoolean('isPublicRental'),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
