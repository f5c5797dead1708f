import { VehicleType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const VehicleTypeEnum = builder.enumType(VehicleType, { name: 'VehicleType' });

export const VehicleRecord = builder.prismaObject('VehicleRecord', {
  description: 'A motor vehicle registered to the person, from traffic administration.',
  authScopes: personalData,
  extensions: departmentRecord('VEHICLES'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    plateNumber: t.exposeString('plateNumber', { extensions: identifier('PLATE') }),
    vehicleType: t.expose('vehicleType', { type: VehicleTypeEnum }),
    brand: t.exposeString('brand'),
    registeredOn: t.expose('registeredOn', { type: 'Date' }),
    estimatedValueFen: t.expose('estimatedValueFen', { type: 'Fen' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
