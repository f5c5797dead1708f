import { BusinessRole, BusinessStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const BusinessRoleEnum = builder.enumType(BusinessRole, { name: 'BusinessRole' });
export const BusinessStatusEnum = builder.enumType(BusinessStatus, { name: 'BusinessStatus' });

export const BusinessRegistration = builder.prismaObject('BusinessRegistration', {
  description: 'A business registration naming the person, from market regulation.',
  authScopes: personalData,
  extensions: departmentRecord('BUSINESS_REGISTRATIONS'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    creditCode: t.exposeString('creditCode'),
    enterpriseName: t.exposeString('enterpriseName'),
    role: t.expose('role', { type: BusinessRoleEnum }),
    status: t.expose('status', { type: BusinessStatusEnum }),
    registeredOn: t.expose('registeredOn', { type: 'Date' }),
    registeredCapitalFen: t.expose('registeredCapitalFen', { type: 'Fen' }),
    monthlyIncomeFen: t.exposeInt('monthlyIncomeFen', { nullable: true }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
