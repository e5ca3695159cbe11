import type { Plugin } from 'vite';
import { themeStyleElement } from './theme-css';

/** Puts the theme's global CSS (see `theme-css.ts`) into index.html's head, in dev and in builds. */
export function inlineThemeCss(): Plugin {
  return {
    name: 'orgdeck-theme-css',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('</head>', `${themeStyleElement()}</head>`),
    },
  };
}
