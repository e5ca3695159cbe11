import type {} from '@mui/material/themeCssVarsAugmentation';
import { createTheme, type CSSObject } from '@mui/material/styles';

/**
 * The keyboard focus ring (WCAG 2.2 focus appearance): a 2px solid outline in the primary colour,
 * which keeps at least 3:1 against the page in both schemes (light #3949ab on white 7.2:1, dark
 * #9fa8da on #171a23 7.6:1), drawn outside the control so it never merges with a selected tint.
 */
const ring = (offset: number): CSSObject => ({
  outline: '2px solid var(--mui-palette-primary-main)',
  outlineOffset: offset,
});
/** Controls inside a clipping scroller (tabs, menus, lists) draw the ring inside themselves. */
const insetRing = ring(-2);

/** One theme, light and dark schemes; the mode follows the system until the user picks one. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        // Text on a filled colour must reach 4.5:1, or MUI puts dark text on it (e.g. dark red).
        contrastThreshold: 4.5,
        primary: { main: '#3949ab' },
        // Darker than MUI's defaults so text and outlines in these colours reach 4.5:1 on white
        // and on the page background (the "Sandbox" chip, the "Pending" chip, warnings).
        secondary: { main: '#00796b' },
        info: { main: '#01639e' },
        warning: { main: '#a75200' },
        background: { default: '#f6f7fb', paper: '#ffffff' },
      },
    },
    dark: {
      palette: {
        // The red confirm button gets dark text (5.7:1) instead of white on red (3.7:1).
        contrastThreshold: 4.5,
        primary: { main: '#9fa8da' },
        secondary: { main: '#80cbc4' },
        background: { default: '#0f1117', paper: '#171a23' },
      },
    },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.6rem', fontWeight: 650 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1.05rem', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // Anything focusable that is not an MUI control (plain links, summaries, skip link).
        ':focus-visible': ring(2),
        // A heading or region focused by the app after a route change or removal.
        '[tabindex="-1"]:focus-visible': { ...ring(2), borderRadius: 4 },
        '[tabindex="-1"]:focus:not(:focus-visible)': { outline: 'none' },
      },
    },
    MuiButtonBase: {
      styleOverrides: { root: { '&.Mui-focusVisible': ring(2) } },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { textTransform: 'none' } },
    },
    MuiTab: {
      styleOverrides: { root: { textTransform: 'none', '&.Mui-focusVisible': insetRing } },
    },
    MuiMenuItem: { styleOverrides: { root: { '&.Mui-focusVisible': insetRing } } },
    MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': insetRing } } },
    MuiTableSortLabel: {
      styleOverrides: { root: { borderRadius: 4, '&.Mui-focusVisible': ring(2) } },
    },
    MuiLink: { styleOverrides: { root: { '&:focus-visible': { ...ring(2), borderRadius: 2 } } } },
    // The note under a disabled field says why it is disabled: it must stay readable (4.5:1).
    MuiFormHelperText: {
      styleOverrides: {
        root: { '&.Mui-disabled': { color: 'var(--mui-palette-text-secondary)' } },
      },
    },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
  },
});
