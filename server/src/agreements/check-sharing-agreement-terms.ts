import type { PrismaClient } from '@hub/prisma';
import { findDataItem } from '@hub/schema/catalogue';
import type { SharingAgreementTerms } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import { findDepartmentForInput } from '../departments/find-department-for-input.ts';

function nonBlank(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInputError('BLANK_VALUE', `${field}: must not be empty`, { field });
  return trimmed;
}

/** The terms, trimmed, or the first rule they break as BAD_USER_INPUT with a reason; `agreementId` when updating. */
export async function checkSharingAgreementTerms(
  prisma: PrismaClient,
  terms: SharingAgreementTerms,
  agreementId?: string,
): Promise<SharingAgreementTerms> {
  const code = nonBlank(terms.code, 'code');
  const title = nonBlank(terms.title, 'title');
  if (
    await prisma.sharingAgreement.findFirst({ where: { code, id: agreementId ? { not: agreementId } : undefined } })
  ) {
    throw badUserInputError('CODE_TAKEN', `code: another sharing agreement already has the code ${code}`, {
      agreementCode: code,
    });
  }
  const provider = await findDepartmentForInput(prisma, terms.providerDepartmentId, 'providerDepartmentId');
  const consumer = await findDepartmentForInput(prisma, terms.consumerDepartmentId, 'consumerDepartmentId');
  if (provider.id === consumer.id) {
    throw badUserInputError(
      'SAME_PROVIDER_AND_CONSUMER',
      'a department reads its own data without an agreement: choose a consumer other than the provider',
    );
  }
  if (!terms.purposes.length) throw badUserInputError('NO_PURPOSES', 'purposes: name at least one purpose');
  if (terms.validFrom > terms.validUntil) {
    throw badUserInputError('INVALID_VALIDITY_WINDOW', 'validFrom must be on or before validUntil');
  }
  const quota = terms.dailyQueryQuota;
  if (quota !== null && !(Number.isInteger(quota) && quota > 0)) {
    throw badUserInputError('INVALID_QUOTA', 'dailyQueryQuota: a positive whole number, or null for no quota', {
      dailyQueryQuota: quota,
    });
  }
  if (!terms.items.length) throw badUserInputError('NO_ITEMS', 'items: grant at least one data item');
  const seen = new Set<string>();
  for (const { dataItemCode, accessLevel } of terms.items) {
    const dataItem = findDataItem(dataItemCode);
    if (!dataItem) {
      throw badUserInputError('UNKNOWN_DATA_ITEM', `the catalogue has no data item ${dataItemCode}; see dataItems`, {
        dataItemCode,
      });
    }
    if (seen.has(dataItemCode)) {
      throw badUserInputError('DUPLICATE_DATA_ITEM', `${dataItemCode} is listed twice: grant each item one level`, {
        dataItemCode,
      });
    }
    seen.add(dataItemCode);
    if (dataItem.providerKind !== provider.kind) {
      throw badUserInputError(
        'PROVIDER_KIND_MISMATCH',
        `${dataItemCode} is provided by ${dataItem.providerKind} departments, and the provider is ${provider.kind}`,
        { dataItemCode, providerKind: dataItem.providerKind },
      );
    }
    if (accessLevel === 'DERIVED' && !dataItem.derivable) {
      throw badUserInputError('NOT_DERIVABLE', `${dataItemCode} has no DERIVED form: grant it FULL or MASKED`, {
        dataItemCode,
      });
    }
  }
  return { ...terms, code, title, purposes: [...new Set(terms.purposes)] };
}
