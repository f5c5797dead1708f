import { PensionType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const PensionTypeEnum = builder.enumType(PensionType, { name: 'PensionType' });

export const PensionRecord = builder.prismaObject('PensionRecord', {
  description: 'A pension paid to the person, from human resources and social security; pensions stop on death.',
  authScopes: personalData,
  extensions: departmentRecord('PENSIONS'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    pensionType: t.expose('pensionType', { type: PensionTypeEnum }),
    monthlyAmountFen: t.exposeInt('monthlyAmountFen'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    stoppedOn: t.expose('stoppedOn', { type: 'Date', nullable: true }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
