import PasswordIcon from '@mui/icons-material/Password';
import type { ReactNode } from 'react';
import { Layout as AdminLayout, AppBar, Logout, MenuItemLink, UserMenu } from 'react-admin';
import { Menu } from './Menu.tsx';

/** The signed-in user's own menu: changing their password, and logging out. */
const HubUserMenu = () => (
  <UserMenu>
    <MenuItemLink to="/password" primaryText="hub.password.title" leftIcon={<PasswordIcon />} />
    <Logout />
  </UserMenu>
);

const HubAppBar = () => <AppBar userMenu={<HubUserMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <AdminLayout menu={Menu} appBar={HubAppBar}>
    {children}
  </AdminLayout>
);
