import { defaultTheme, type RaThemeOptions } from 'react-admin';

const CJK_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#b42318' }, secondary: { main: '#1f2933' } },
  typography: { fontFamily: `Roboto, ${CJK_FONTS}` },
  components: {
    ...defaultTheme.components,
    // A narrow column keeps at least four characters a line: Chinese would otherwise break between any two of them
    // and stand one character per line; English headings still wrap between words.
    MuiTableCell: {
      styleOverrides: { root: { minWidth: '4em' }, paddingCheckbox: { minWidth: 0 }, paddingNone: { minWidth: 0 } },
    },
    // A table wider than the page scrolls inside its card (the layout no longer widens to fit it: Layout.tsx).
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
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
