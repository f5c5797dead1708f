import PasswordIcon from '@mui/icons-material/Password';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import { Layout as AdminLayout, AppBar, Logout, UserMenu, useNavigate, useTranslate, useUserMenu } from 'react-admin';
import { Menu } from './Menu.tsx';

/** Opens the page where the signed-in user changes their own password, closing the menu on the way. */
function ChangePasswordItem() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        navigate('/password');
      }}
    >
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('hub.password.title')}</ListItemText>
    </MenuItem>
  );
}

/** The signed-in user's own menu: changing their password, and logging out. */
const HubUserMenu = () => (
  <UserMenu>
    <ChangePasswordItem />
    <Logout />
  </UserMenu>
);

const HubAppBar = () => <AppBar userMenu={<HubUserMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  // react-admin makes the layout at least as wide as its content on one line (`min-width: fit-content`), so a list's
  // filters side by side push a phone's page sideways, and a wide table a desktop's (a run's results in English). The
  // page is the screen's width, and what does not fit wraps (the filters), or scrolls inside its own box (a table:
  // the theme's RaDatagrid).
  <AdminLayout menu={Menu} appBar={HubAppBar} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
    {children}
  </AdminLayout>
);
