import type { Dataset, DepartmentKind, PrismaClient } from '@hub/prisma';
import { findRegisterFormat } from '@hub/schema/delivery-formats';
import { findProviderAgreement } from '../agreements/find-provider-agreement.ts';
import { checkRegisterDeliveryAllowed } from '../register/import-register-delivery.ts';
import { DatasetDeliveryError } from './dataset-delivery-error.ts';
import { checkDeliveryAllowed } from './import-dataset-snapshot.ts';

declare const checked: unique symbol;

/**
 * Why a department may deliver a dataset, as the delivery's SNAPSHOT_SWITCHED event records it. Only
 * checkDeliveryEntitlement makes one, and every bulk import needs one: so the HTTP upload and `hub import` cannot
 * differ in what they check.
 */
export interface DeliveryEntitlement {
  /** The ACTIVE agreement naming the department as provider of the dataset; null for the register and an override. */
  readonly agreementCode: string | null;
  /** An operator's explicit reason for loading a dataset no agreement covers (`hub import --without-agreement`). */
  readonly overrideReason: string | null;
  readonly [checked]: true;
}

const MIN_REASON_LENGTH = 10;

/**
 * Refuses a delivery before a byte of it is read: an unknown dataset, a department of the wrong kind, or (but for the
 * civil-affairs register, the hub's spine) no ACTIVE agreement in force today that names the department as provider
 * of the dataset's items. An operator may load such a file only with an explicit reason of some substance.
 */
export async function checkDeliveryEntitlement(
  prisma: PrismaClient,
  department: { id: string; kind: DepartmentKind; regionCode: string },
  dataset: Dataset,
  override?: { reason: string },
): Promise<DeliveryEntitlement> {
  const entitlement = (agreementCode: string | null, overrideReason: string | null) =>
    ({ agreementCode, overrideReason }) as DeliveryEntitlement;
  if (findRegisterFormat(dataset)) {
    checkRegisterDeliveryAllowed({ department, dataset });
    return entitlement(null, null);
  }
  checkDeliveryAllowed(department, dataset);
  const agreementCode = await findProviderAgreement(prisma, department.id, dataset);
  if (agreementCode) return entitlement(agreementCode, null);
  if (override === undefined) {
    throw new DatasetDeliveryError(
      'FORBIDDEN',
      `no active sharing agreement names your department as provider of ${dataset}; an administrator must approve one before you deliver it`,
    );
  }
  const reason = override.reason.trim();
  if (reason.length < MIN_REASON_LENGTH) {
    throw new DatasetDeliveryError(
      'REASON_REQUIRED',
      `loading ${dataset} without a provider agreement needs a reason of at least ${MIN_REASON_LENGTH} characters; it is kept in the audit trail`,
    );
  }
  return entitlement(null, reason);
}
