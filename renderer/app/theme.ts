import { createTheme } from '@mui/material/styles';
import { zhCN as materialZhCN } from '@mui/material/locale';
import { zhCN as gridZhCN } from '@mui/x-data-grid/locales';
import { zhCN as pickersZhCN } from '@mui/x-date-pickers/locales';

/** Party red, used with restraint: primary actions, the selected menu item, the title bar's accent. */
export const PARTY_RED = '#C62828';

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Calm colours for a whole working day: light grey ground, white paper, dark grey text, red only to act. */
export const theme = createTheme(
  {
    palette: {
      mode: 'light',
      primary: { main: PARTY_RED, dark: '#9E1B1B', light: '#E35B5B', contrastText: '#FFFFFF' },
      secondary: { main: '#455A64' },
      success: { main: '#2E7D32' },
      background: { default: '#F4F5F7', paper: '#FFFFFF' },
      text: { primary: '#1F2329', secondary: '#5A6270' },
      divider: '#E3E5E8',
    },
    typography: {
      fontFamily: FONT,
      fontSize: 14,
      button: { textTransform: 'none', fontWeight: 500 },
      h5: { fontWeight: 600, fontSize: '1.3rem' },
      h6: { fontWeight: 600, fontSize: '1.1rem' },
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { textTransform: 'none' } },
      },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiDialogTitle: { styleOverrides: { root: { fontWeight: 600, fontSize: '1.15rem' } } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600, backgroundColor: '#F7F8FA' } } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
      MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { outlined: { borderColor: '#E3E5E8' } } },
    },
  },
  materialZhCN,
  gridZhCN,
  pickersZhCN,
);
