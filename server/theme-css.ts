import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { shellCss } from '../src/app/layout/shell-styles';
import { pageCss } from '../src/components/page-styles';
import { theme } from '../src/app/theme';

/**
 * The page's global CSS, made once in Node at build time: the theme's CSS variables for both
 * colour schemes and the baseline (with the theme's own overrides: focus rings), as MUI's own
 * ThemeProvider and CssBaseline write them, then the page frame's and the pages' shared rules (`shellCss`, `pageCss`). The page
 * shell carries it in a `<style>` (parsed while the scripts download), and the app renders neither
 * stylesheet at run time (`disableStyleSheetGeneration`, no `<CssBaseline>`): every cold load used
 * to serialise these few hundred variables on the main thread before its first frame.
 */
export function themeCss(): string {
  const markup = renderToStaticMarkup(
    createElement(
      ThemeProvider,
      { theme, defaultMode: 'system' },
      createElement(CssBaseline, { enableColorScheme: true }),
    ),
  );
  const sheets = [...markup.matchAll(/<style[^>]*>([^<]*)<\/style>/g)].map((match) => match[1]);
  if (sheets.length === 0) throw new Error('MUI rendered no global styles for the theme');
  // After the baseline, as a component's own styles come after it.
  return sheets.join('') + shellCss + pageCss;
}

/** The `<style>` element the page shell carries in its head. */
export function themeStyleElement(): string {
  return `<style data-orgdeck="theme">${themeCss()}</style>`;
}
