import { type PrismaClient, Purpose } from '@hub/prisma';
import type { Context, CurrentSnapshot, DatasetService, HubServices } from '@hub/schema/context';
import type { FastifyRequest } from 'fastify';
import type { AccessDoor } from '../access/create-access-door.ts';
import { createDisclosureLog } from '../audit/disclosure-log.ts';
import { isDatabaseUnavailable, serviceUnavailableError } from '../database/database-unavailable.ts';
import { viewerOfRequest } from './request-viewer.ts';

async function findCurrentSnapshots(prisma: PrismaClient): Promise<ReadonlyMap<string, CurrentSnapshot>> {
  const snapshots = await prisma.datasetSnapshot.findMany({
    where: { status: 'CURRENT' },
    select: { id: true, dataset: true, source: true, asOf: true, department: true },
  });
  return new Map(snapshots.map((snapshot) => [snapshot.id, snapshot]));
}

// Loaded at most once per request, and only by a request that reads department records.
function datasetServiceFor(prisma: PrismaClient): DatasetService {
  let currentSnapshots: Promise<ReadonlyMap<string, CurrentSnapshot>> | undefined;
  return { currentSnapshots: () => (currentSnapshots ??= findCurrentSnapshots(prisma)) };
}

const PURPOSES = new Set<string>(Object.values(Purpose));

/** The purpose a request declares in `x-hub-purpose`; an unknown one is kept as sent, to be reported. */
function declaredPurposeOf(request: FastifyRequest): { purpose: Purpose | null; declaredPurpose: string | null } {
  const header = request.headers['x-hub-purpose'];
  const declared = (Array.isArray(header) ? header[0] : header)?.trim() || null;
  return { purpose: declared && PURPOSES.has(declared) ? (declared as Purpose) : null, declaredPurpose: declared };
}

/** A fresh context per request: Pothos caches authorization results on it, the permission engine its decisions. */
export async function createRequestContext(
  shared: { prisma: PrismaClient; services: Omit<HubServices, 'datasets'>; door: AccessDoor },
  request: FastifyRequest,
): Promise<Context> {
  const viewer = await viewerOfRequest(shared.prisma, request).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? serviceUnavailableError() : error;
  });
  const { purpose, declaredPurpose } = declaredPurposeOf(request);
  const disclosures = createDisclosureLog();
  return {
    prisma: shared.prisma,
    viewer,
    requestId: request.id,
    purpose,
    declaredPurpose,
    clientAddress: request.ip,
    disclosures,
    access: shared.door({ viewer, purpose, declaredPurpose, disclosures }),
    services: { ...shared.services, datasets: datasetServiceFor(shared.prisma) },
  };
}
