import { defaultTheme, type RaThemeOptions } from 'react-admin';

const CJK_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#b42318' }, secondary: { main: '#1f2933' } },
  typography: { fontFamily: `Roboto, ${CJK_FONTS}` },
  components: {
    ...defaultTheme.components,
    // A column's heading stays on one line: Chinese would otherwise break between any two characters.
    MuiTableCell: { styleOverrides: { head: { whiteSpace: 'nowrap' } } },
    RaAppBar: {
      styleOverrides: {
        root: {
          '& .RaAppBar-toolbar': { backgroundColor: '#1f2933' },
          // The title takes the room the buttons leave and no more: its whole line would otherwise set the page's
          // least width (a household's address in the title made a phone's page 260 px too wide).
          '& #react-admin-title': { width: 0, minWidth: 0 },
        },
      },
    },
  },
};
