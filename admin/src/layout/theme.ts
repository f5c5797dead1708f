import { defaultTheme, type RaThemeOptions } from 'react-admin';

const CJK_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#b42318' }, secondary: { main: '#1f2933' } },
  typography: { fontFamily: `Roboto, ${CJK_FONTS}` },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { backgroundColor: '#1f2933' } } } },
  },
};
