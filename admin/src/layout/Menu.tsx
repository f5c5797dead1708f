import { Menu as AdminMenu, usePermissions } from 'react-admin';
import { menuResourcesFor } from '../access/resource-permissions.ts';

/** The dashboard and the resources the signed-in viewer may open (as the hub says), in a fixed order. */
export function Menu() {
  const { permissions } = usePermissions<string[]>();
  return (
    <AdminMenu>
      <AdminMenu.DashboardItem />
      {menuResourcesFor(permissions).map((resource) => (
        <AdminMenu.ResourceItem key={resource} name={resource} />
      ))}
    </AdminMenu>
  );
}
