import { findRegisterFormat } from '@hub/schema/delivery-formats';
import { DatasetDeliveryError } from '../delivery/dataset-delivery-error.ts';
import {
  type DatasetDelivery,
  type ImportedSnapshot,
  importStagedSnapshot,
} from '../delivery/import-dataset-snapshot.ts';
import { checkStagedRegister } from './check-staged-register.ts';
import { mergeRegisterRows } from './merge-register-rows.ts';

export type RegisterDelivery = DatasetDelivery & { department: { regionCode: string } };

/** Refuses a register delivery before a byte is read: only a civil-affairs department delivers its register. */
export function checkRegisterDeliveryAllowed(delivery: Pick<RegisterDelivery, 'department' | 'dataset'>) {
  const format = findRegisterFormat(delivery.dataset);
  if (!format) throw new DatasetDeliveryError('UNKNOWN_DATASET', `${delivery.dataset} is not a register dataset`);
  if (delivery.department.kind !== 'CIVIL_AFFAIRS') {
    throw new DatasetDeliveryError(
      'NOT_DATASET_PROVIDER',
      `${delivery.dataset} is delivered by CIVIL_AFFAIRS departments; yours is ${delivery.department.kind}`,
    );
  }
  return format;
}

/**
 * The civil-affairs register delivered in bulk (HOUSEHOLD_REGISTER, then ASSISTANCE_CASE), by the same machinery
 * as any dataset (importStagedSnapshot): COPY into staging, every column checked, then, under the delivery lock so
 * that two deliveries never judge against a register the other is changing, the register's own checks; a rejects
 * report, all or nothing within the threshold, the content hash, the SNAPSHOT_SWITCHED event. Its accepted rows are
 * merged into the register instead of becoming a partition. The HTTP upload and `hub import` both come through here.
 */
export async function importRegisterDelivery(
  databaseUrl: string,
  delivery: RegisterDelivery,
): Promise<ImportedSnapshot> {
  const format = checkRegisterDeliveryAllowed(delivery);
  return importStagedSnapshot(databaseUrl, delivery, format, {
    // The register's checks count every rejected row, the column checks' included.
    checkUnderLock: (client, snapshotId) =>
      checkStagedRegister(client, delivery.dataset, snapshotId, delivery.department.regionCode),
    write: async (client, snapshot) => ({
      accepted: await mergeRegisterRows(client, delivery.dataset, snapshot.asOf),
    }),
  });
}
