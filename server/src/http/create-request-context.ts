import type { PrismaClient } from '@hub/prisma';
import type { AuditService, Context, CurrentSnapshot, DatasetService, IdentityService } from '@hub/schema/context';
import type { FastifyRequest } from 'fastify';
import { createDisclosureLog } from '../audit/disclosure-log.ts';
import { resolveViewer } from '../identity/resolve-viewer.ts';

async function findCurrentSnapshots(prisma: PrismaClient): Promise<ReadonlyMap<string, CurrentSnapshot>> {
  const snapshots = await prisma.datasetSnapshot.findMany({
    where: { status: 'CURRENT' },
    select: { id: true, dataset: true, asOf: true, department: true },
  });
  return new Map(snapshots.map((snapshot) => [snapshot.id, snapshot]));
}

// Loaded at most once per request, and only by a request that reads department records.
function datasetServiceFor(prisma: PrismaClient): DatasetService {
  let currentSnapshots: Promise<ReadonlyMap<string, CurrentSnapshot>> | undefined;
  return { currentSnapshots: () => (currentSnapshots ??= findCurrentSnapshots(prisma)) };
}

/** A fresh context per request: Pothos caches authorization results on it. */
export async function createRequestContext(
  shared: { prisma: PrismaClient; identity: IdentityService; audit: AuditService },
  request: FastifyRequest,
): Promise<Context> {
  return {
    prisma: shared.prisma,
    viewer: await resolveViewer(shared.prisma, request.headers.authorization),
    requestId: request.id,
    purpose: null,
    clientAddress: request.ip,
    disclosures: createDisclosureLog(),
    services: { identity: shared.identity, datasets: datasetServiceFor(shared.prisma), audit: shared.audit },
  };
}
