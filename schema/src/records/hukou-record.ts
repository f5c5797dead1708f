import { HukouCancellationReason, HukouStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const HukouStatusEnum = builder.enumType(HukouStatus, { name: 'HukouStatus' });
export const HukouCancellationReasonEnum = builder.enumType(HukouCancellationReason, {
  name: 'HukouCancellationReason',
});

export const HukouRecord = builder.prismaObject('HukouRecord', {
  description: 'A household registration (户籍) entry, from public security.',
  authScopes: personalData,
  extensions: departmentRecord('HUKOU'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    status: t.expose('status', { type: HukouStatusEnum }),
    registeredRegionCode: t.exposeString('registeredRegionCode'),
    hukouNumber: t.exposeString('hukouNumber', { extensions: identifier('ACCOUNT') }),
    cancelledOn: t.expose('cancelledOn', { type: 'Date', nullable: true }),
    cancellationReason: t.expose('cancellationReason', { type: HukouCancellationReasonEnum, nullable: true }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
