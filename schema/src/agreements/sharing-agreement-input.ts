import { builder } from '../builder.ts';
import type { SharingAgreementTerms } from '../context.ts';
import { PurposeEnum } from '../purposes/purpose.ts';
import { AccessLevelEnum } from './sharing-agreement-item.ts';

export const SharingAgreementItemInput = builder.inputType('SharingAgreementItemInput', {
  fields: (t) => ({
    dataItemCode: t.string({ required: true, description: 'A code of the catalogue (see dataItems).' }),
    accessLevel: t.field({ type: AccessLevelEnum, required: true }),
  }),
});

// Create and update take the same terms: an update replaces all of them, items included.
const termsFields = (description: string) =>
  builder.inputType(description, {
    fields: (t) => ({
      code: t.string({ required: true, description: 'Unique, e.g. "YC-ZJ-2026-001".' }),
      title: t.string({ required: true }),
      providerDepartmentId: t.id({ required: true }),
      consumerDepartmentId: t.id({ required: true }),
      purposes: t.field({ type: [PurposeEnum], required: true }),
      validFrom: t.field({ type: 'Date', required: true, description: 'The first day it is valid.' }),
      validUntil: t.field({ type: 'Date', required: true, description: 'The last day it is valid (inclusive).' }),
      dailyQueryQuota: t.int({ description: 'Queries per service day; omit or null for no quota.' }),
      items: t.field({ type: [SharingAgreementItemInput], required: true }),
    }),
  });

export const CreateSharingAgreementInput = termsFields('CreateSharingAgreementInput');
export const UpdateSharingAgreementInput = termsFields('UpdateSharingAgreementInput');

export function sharingAgreementTerms(input: typeof CreateSharingAgreementInput.$inferInput): SharingAgreementTerms {
  return {
    ...input,
    providerDepartmentId: String(input.providerDepartmentId),
    consumerDepartmentId: String(input.consumerDepartmentId),
    dailyQueryQuota: input.dailyQueryQuota ?? null,
  };
}
