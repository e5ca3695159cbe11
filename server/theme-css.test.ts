import { describe, expect, it } from 'vitest';
import { shellCss } from '../src/app/layout/shell-styles';
import { pageCss } from '../src/components/page-styles';
import { inlineThemeCss } from './theme-css-plugin';
import { themeCss } from './theme-css';

/** The declarations of every top-level rule whose selector list names `selector`, joined. */
function ruleBody(css: string, selector: string): string {
  return [...css.matchAll(/(?<=^|\})([^{}@]+)\{([^{}]*)\}/g)]
    .filter((match) => (match[1] ?? '').split(',').some((one) => one.trim() === selector))
    .map((match) => match[2])
    .join(';');
}

describe('the page’s build-time global CSS', () => {
  const css = themeCss();

  it('defines the theme’s variables for the light and the dark scheme', () => {
    // colorSchemeSelector 'class': light on :root, dark under .dark (ThemeProvider sets the class).
    expect(ruleBody(css, ':root')).toContain('--mui-palette-primary-main:#3949ab');
    expect(ruleBody(css, '.dark')).toContain('--mui-palette-primary-main:#9fa8da');
    expect(ruleBody(css, '.dark')).toContain('--mui-palette-background-default:#0f1117');
    expect(ruleBody(css, ':root')).toContain('--mui-spacing:8px');
  });

  it('carries the baseline with the theme’s colours, font and focus ring', () => {
    const body = ruleBody(css, 'body');
    expect(body).toContain('margin:0');
    expect(body).toContain('color:var(--mui-palette-text-primary)');
    expect(body).toContain('background-color:var(--mui-palette-background-default)');
    expect(body).toContain('font-family:Inter');
    expect(ruleBody(css, ':focus-visible')).toContain(
      'outline:2px solid var(--mui-palette-primary-main)',
    );
    expect(ruleBody(css, '.dark')).toContain('color-scheme:dark');
  });

  it('ends with the page frame’s and the pages’ rules, after the baseline they build on', () => {
    expect(css.endsWith(shellCss + pageCss)).toBe(true);
    expect(css.indexOf('body{')).toBeLessThan(css.indexOf('.od-frame{'));
  });

  it('goes into the page shell’s head as one style element', () => {
    const plugin = inlineThemeCss();
    const hook = plugin.transformIndexHtml as { handler: (html: string) => string };
    const html = hook.handler('<html><head><title>x</title></head><body></body></html>');
    expect(html).toBe(
      `<html><head><title>x</title><style data-orgdeck="theme">${css}</style></head><body></body></html>`,
    );
    expect(css).not.toContain('</style');
  });
});
