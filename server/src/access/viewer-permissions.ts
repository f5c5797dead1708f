import type { PrismaClient } from '@hub/prisma';
import type { Viewer, ViewerPermission } from '@hub/schema/context';
import { type Permission, type PermissionEnumName, permissionsOf } from '@hub/schema/scopes';
import { loadHeldItems } from './held-items.ts';

// `users:manage` → USERS_MANAGE, `apiClients:manage` → API_CLIENTS_MANAGE (the type says the same at compile time).
const permissionName = <Name extends Permission>(permission: Name) =>
  permission
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(':', '_')
    .toUpperCase() as PermissionEnumName<Name>;

/**
 * What a viewer may do at all today, decided by the same rules its requests meet: its role's permissions, the
 * register and verification requests only for civil affairs (the services refuse other departments), looking persons
 * up with PERSON_IDENTITY and listing households with HOUSEHOLD_COMPOSITION at FULL under some purpose (each request
 * is still decided for its declared purpose), and the audit trail for auditors and administrators.
 */
export async function viewerPermissions(
  prisma: PrismaClient,
  viewer: Viewer | null,
  day: Date,
): Promise<ViewerPermission[]> {
  if (!viewer) return [];
  const [department, held] = await Promise.all([
    prisma.department.findUnique({ where: { id: viewer.departmentId }, select: { kind: true } }),
    loadHeldItems(prisma, viewer.departmentId, day),
  ]);
  const civilAffairs = department?.kind === 'CIVIL_AFFAIRS';
  const roles = permissionsOf(viewer);
  const granted = new Set<ViewerPermission>(
    roles.filter((permission) => civilAffairs || permission !== 'register:edit').map(permissionName),
  );
  const asksAboutPersons = viewer.kind === 'API_CLIENT' || viewer.role !== 'AUDITOR';
  if (asksAboutPersons && held.has('PERSON_IDENTITY')) granted.add('PERSONS_LOOK_UP');
  if (asksAboutPersons && held.get('HOUSEHOLD_COMPOSITION') === 'FULL') granted.add('HOUSEHOLDS_LIST');
  if (civilAffairs && roles.includes('comparisons:run')) granted.add('REQUESTS_SUBMIT');
  if (viewer.kind === 'USER' && (viewer.role === 'AUDITOR' || viewer.role === 'ADMIN')) granted.add('AUDIT_READ');
  return [...granted];
}
