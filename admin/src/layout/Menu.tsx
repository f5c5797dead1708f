import { Menu as AdminMenu, usePermissions } from 'react-admin';
import { menuResourcesFor } from '../access/role-permissions.ts';
import type { UserRole } from '../hub-session.ts';

/** The dashboard and the resources the signed-in role may open, in a fixed order. */
export function Menu() {
  const { permissions: role } = usePermissions<UserRole>();
  return (
    <AdminMenu>
      <AdminMenu.DashboardItem />
      {menuResourcesFor(role).map((resource) => (
        <AdminMenu.ResourceItem key={resource} name={resource} />
      ))}
    </AdminMenu>
  );
}
