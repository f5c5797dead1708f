import type { PrismaClient } from '@hub/prisma';
import { createAgreement } from './agreements.ts';
import { createPartnerToken } from './api-clients.ts';
import { createDepartment } from './departments.ts';
import { createPerson } from './households.ts';

/**
 * A bank with an API client's token, an active agreement naming it as provider of deposits (to a civil-affairs
 * department), and persons the hub knows to deliver deposits of.
 */
export async function createDeliveringBank(prisma: PrismaClient, options: { regionCode: string; persons?: number }) {
  const bank = await createDepartment(prisma, { kind: 'BANK', regionCode: options.regionCode });
  const centre = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: options.regionCode });
  const agreement = await createAgreement(prisma, {
    providerDepartmentId: bank.id,
    consumerDepartmentId: centre.id,
    items: { BANK_DEPOSITS: 'FULL' },
  });
  const token = await createPartnerToken(prisma, bank.id);
  const persons = [];
  for (let i = 0; i < (options.persons ?? 3); i++) persons.push(await createPerson(prisma));
  return { bank, agreement, token, persons };
}

/** PUT a snapshot to the hub; `body` as a string or a stream. */
export async function uploadSnapshot(
  url: string,
  options: {
    token?: string;
    dataset?: string;
    asOf?: string;
    rejectThreshold?: string;
    contentType?: string;
    body: string | ReadableStream<Uint8Array>;
    signal?: AbortSignal;
  },
) {
  const query = new URLSearchParams();
  if (options.asOf !== undefined) query.set('asOf', options.asOf);
  if (options.rejectThreshold !== undefined) query.set('rejectThreshold', options.rejectThreshold);
  const response = await fetch(`${url}/datasets/${options.dataset ?? 'BANK_DEPOSIT'}/snapshots?${query}`, {
    method: 'PUT',
    headers: {
      'content-type': options.contentType ?? 'text/csv',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body,
    signal: options.signal,
    ...(typeof options.body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as DeliveryAnswer };
}

export interface DeliveryAnswer {
  snapshot?: {
    id: string;
    status: string;
    rowCount: number;
    acceptedCount: number;
    rejectCount: number;
    contentHash: string;
    statusReason: string | null;
    asOf: string;
  };
  duplicate?: boolean;
  error?: { code: string; message: string };
}

export const DEPOSIT_HEADER = 'id_number,account_number,deposit_type,balance_fen,opened_on';

/** A BANK_DEPOSIT CSV with one good deposit per person (and any extra lines after them). */
export function depositFile(idNumbers: readonly string[], extraLines: readonly string[] = [], tag = 'A'): string {
  const lines = idNumbers.map((idNumber, i) => `${idNumber},6222${tag}${i},DEMAND,${(i + 1) * 10_000},2019-03-02`);
  return `${[DEPOSIT_HEADER, ...lines, ...extraLines].join('\n')}\n`;
}
