import type { ChangeActor, Viewer } from '@hub/schema/context';
import { viewerHolds } from '@hub/schema/scopes';

/**
 * Who may deliver a department's dataset snapshot: its API client, or one of its staff whose role holds
 * `datasets:deliver` (the portal's upload). Returns the actor the snapshot's events record, or null when the
 * viewer may not deliver. Whether the department may deliver that dataset at all is checkDeliveryEntitlement's.
 */
export function datasetDeliverer(
  viewer: Viewer,
  request: { requestId: string; clientAddress: string | null; operation: string },
): ChangeActor | null {
  if (viewer.kind === 'API_CLIENT') {
    return {
      kind: 'API_CLIENT',
      userId: null,
      apiClientId: viewer.apiClientId,
      name: viewer.clientId,
      departmentId: viewer.departmentId,
      ...request,
    };
  }
  if (viewerHolds(viewer, 'datasets:deliver') && viewer.kind === 'USER') {
    return {
      kind: 'USER',
      userId: viewer.userId,
      apiClientId: null,
      name: viewer.username,
      departmentId: viewer.departmentId,
      ...request,
    };
  }
  return null;
}

/** Who may read a snapshot's rejects report: whoever may deliver for its department, and administrators. */
export function mayReadSnapshotRejects(viewer: Viewer, snapshot: { departmentId: string }): boolean {
  if (viewer.kind === 'USER' && viewer.role === 'ADMIN') return true;
  return viewer.departmentId === snapshot.departmentId && datasetDeliverer(viewer, noRequest) !== null;
}

const noRequest = { requestId: '', clientAddress: null, operation: '' };
