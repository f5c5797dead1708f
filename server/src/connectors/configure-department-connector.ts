import type { Dataset, PrismaClient } from '@hub/prisma';
import { type ChangeValue, fieldChanges } from '@hub/schema/change-events';
import type { ChangeActor, ConfigureDepartmentConnectorInput } from '@hub/schema/context';
import { datasetProviderKind, findDeliveryFormat } from '@hub/schema/delivery-formats';
import { badUserInputError } from '@hub/schema/errors';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { encryptCredential, SecretKeyMissingError } from './connector-credential.ts';
import { DEFAULT_CONNECTOR_SETTINGS } from './connector-settings.ts';

type Setting = keyof typeof DEFAULT_CONNECTOR_SETTINGS;

// The range each setting may take: wide enough for any department, narrow enough that a typo cannot stall a run.
const RANGES: Record<Exclude<Setting, 'maxRetryAfterMs'>, [number, number]> = {
  batchSize: [1, 1_000],
  concurrency: [1, 32],
  timeoutMs: [100, 120_000],
  retries: [0, 10],
  backoffMs: [1, 60_000],
  maxBackoffMs: [1, 300_000],
  circuitErrorPercentage: [1, 100],
  circuitMinimumBatches: [1, 1_000],
  circuitResetMs: [100, 3_600_000],
};

/** A dataset a connector may answer: a person-level dataset whose records the hub can store as a live answer. */
export function isLiveDataset(dataset: Dataset): boolean {
  return findDeliveryFormat(dataset) !== undefined;
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUserInputError('INVALID_CONNECTOR_URL', `baseUrl: ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badUserInputError('INVALID_CONNECTOR_URL', `baseUrl: only http and https are allowed, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw badUserInputError('INVALID_CONNECTOR_URL', 'baseUrl: put the credential in `credential`, not in the URL');
  }
  if (url.search || url.hash) {
    throw badUserInputError('INVALID_CONNECTOR_URL', 'baseUrl: the API root, without a query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function checkSettings(input: ConfigureDepartmentConnectorInput) {
  const settings = {} as Record<Exclude<Setting, 'maxRetryAfterMs'>, number>;
  for (const [name, [low, high]] of Object.entries(RANGES) as [keyof typeof RANGES, [number, number]][]) {
    const value = input[name] ?? DEFAULT_CONNECTOR_SETTINGS[name];
    if (!Number.isInteger(value) || value < low || value > high) {
      throw badUserInputError(
        'INVALID_CONNECTOR_SETTING',
        `${name}: a whole number from ${low.toLocaleString('en')} to ${high.toLocaleString('en')}, not ${value}`,
        { setting: name },
      );
    }
    settings[name] = value;
  }
  if (settings.maxBackoffMs < settings.backoffMs) {
    throw badUserInputError('INVALID_CONNECTOR_SETTING', 'maxBackoffMs: at least backoffMs', {
      setting: 'maxBackoffMs',
    });
  }
  return settings;
}

// What a connector's event shows of it: everything but the credential and the bookkeeping.
function connectorSettings(
  connector: { datasets: Dataset[]; baseUrl: string; enabled: boolean } & Record<keyof typeof RANGES, number>,
) {
  const settings: Record<string, ChangeValue> = { datasets: connector.datasets, baseUrl: connector.baseUrl };
  for (const name of Object.keys(RANGES) as (keyof typeof RANGES)[]) settings[name] = connector[name];
  settings.enabled = connector.enabled;
  return settings;
}

/**
 * Creates or replaces a department's live connector (one per department). Everything is checked before anything
 * is written; the credential is encrypted under HUB_SECRET_KEY and never read back out through the service.
 */
export async function configureDepartmentConnector(
  prisma: PrismaClient,
  input: ConfigureDepartmentConnectorInput,
  actor: ChangeActor,
): Promise<{ id: string }> {
  const baseUrl = checkBaseUrl(input.baseUrl.trim());
  const settings = checkSettings(input);
  const department = await prisma.department.findUnique({ where: { id: input.departmentId } });
  if (!department) throw badUserInputError('UNKNOWN_DEPARTMENT', `departmentId: no department ${input.departmentId}`);
  const datasets = [...new Set(input.datasets)];
  if (datasets.length === 0) throw badUserInputError('NOT_LIVE_DATASET', 'datasets: name at least one dataset');
  for (const dataset of datasets) {
    if (!isLiveDataset(dataset)) {
      throw badUserInputError('NOT_LIVE_DATASET', `datasets: ${dataset} cannot be answered live`);
    }
    if (datasetProviderKind(dataset) !== department.kind) {
      throw badUserInputError(
        'NOT_DATASET_PROVIDER',
        `datasets: ${dataset} is provided by ${datasetProviderKind(dataset)} departments; ${department.code} is ${department.kind}`,
      );
    }
  }
  const existing = await prisma.departmentConnector.findUnique({ where: { departmentId: department.id } });
  const credential = input.credential?.trim();
  if (!credential && !existing) {
    throw badUserInputError('CREDENTIAL_REQUIRED', 'credential: a new connector needs the token the department issued');
  }
  let credentialCiphertext: string | undefined;
  try {
    credentialCiphertext = credential ? encryptCredential(credential) : undefined;
  } catch (error) {
    if (error instanceof SecretKeyMissingError) throw badUserInputError('SECRET_KEY_MISSING', error.message);
    throw error;
  }
  const fields = { datasets, baseUrl, ...settings, enabled: input.enabled ?? true, updatedAt: new Date() };
  return prisma.$transaction(async (tx) => {
    const saved = existing
      ? await tx.departmentConnector.update({
          where: { id: existing.id },
          data: { ...fields, ...(credentialCiphertext ? { credentialCiphertext } : {}) },
        })
      : await tx.departmentConnector.create({
          data: { ...fields, departmentId: department.id, credentialCiphertext: credentialCiphertext as string },
        });
    await recordChangeEvent(tx, actor, {
      type: 'CONNECTOR_CONFIGURED',
      reason: null,
      connectorId: saved.id,
      departmentId: department.id,
      credentialReplaced: credentialCiphertext !== undefined,
      changes: fieldChanges(existing && connectorSettings(existing), connectorSettings(saved)),
    });
    return { id: saved.id };
  });
}
