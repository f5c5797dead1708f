import type { PrismaClient, Purpose } from '@hub/prisma';
import type { AccessDecider, DisclosureLog, Viewer } from '@hub/schema/context';
import { createAccessDecider } from './create-access-decider.ts';
import type { GrantCache } from './grant-cache.ts';
import { unrestrictedAccess } from './unrestricted-access.ts';

/** Who asks, for what: every entry point (GraphQL, the report, exports, the progress stream) opens the door with it. */
export interface AccessRequest {
  viewer: Viewer | null;
  purpose: Purpose | null;
  declaredPurpose: string | null;
  disclosures?: DisclosureLog;
}

export type AccessDoor = (request: AccessRequest) => AccessDecider;

/**
 * The one door every entry point asks: reach and disclosure for one request. Without a grant cache (only
 * `pnpm bench api`, to measure what enforcement costs) everything is open.
 */
export function createAccessDoor(prisma: PrismaClient, grants: GrantCache | null): AccessDoor {
  if (!grants) return () => unrestrictedAccess(prisma);
  return (request) => createAccessDecider({ prisma, grants, ...request });
}
