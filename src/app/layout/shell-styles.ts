/**
 * The frame every page shares — app bar, side column, navigation, breadcrumbs, main area — as plain
 * elements with these classes, styled by `shellCss`, which the page shell carries in its `<style>`
 * (made at build time with the theme's CSS, see server/theme-css.ts). MUI's AppBar, Toolbar, List
 * and Breadcrumbs, and a `Box` per layout box, each serialised their styles on every cold load
 * before the first frame; these rules reproduce what those components drew, in the theme's
 * variables (both colour schemes) and MUI's breakpoints (sm 600px, md 900px).
 */
export const shell = {
  frame: 'od-frame',
  skipLink: 'od-skip',
  /** The app bar (`mui-fixed`: a modal's scroll lock pads it like the body). */
  bar: 'od-bar mui-fixed',
  toolbar: 'od-toolbar',
  /** An empty box as tall as the app bar, under it. */
  barSpace: 'od-bar-space',
  logo: 'od-logo',
  logoText: 'od-logo-text',
  grow: 'od-grow',
  /** The search button's words and its shortcut, from a tablet's width up. */
  searchLabel: 'od-search-label',
  searchKeys: 'od-search-keys',
  side: 'od-side',
  sideInner: 'od-side-inner',
  nav: 'od-nav',
  navItem: 'od-nav-item',
  navIcon: 'od-nav-icon',
  navText: 'od-nav-text',
  main: 'od-main',
  page: 'od-page',
  crumbs: 'od-crumbs',
  crumbSeparator: 'od-crumb-sep',
  crumbLink: 'od-crumb-link',
  crumbCurrent: 'od-crumb-current',
} as const;

const ring = 'outline:2px solid var(--mui-palette-primary-main)';

export const shellCss = [
  '.od-frame{display:flex;min-height:100vh}',
  '.od-skip{position:absolute;left:-9999px}',
  '.od-skip:focus{left:8px;top:8px;z-index:2000;padding:var(--mui-spacing);background-color:var(--mui-palette-background-paper)}',
  // MUI's AppBar: an outlined Paper, fixed, above the drawer (zIndex.drawer + 1).
  '.od-bar{position:fixed;top:0;left:auto;right:0;z-index:1201;display:flex;flex-direction:column;width:100%;box-sizing:border-box;flex-shrink:0;background-color:var(--mui-palette-AppBar-defaultBg);color:var(--mui-palette-text-primary);border:1px solid var(--mui-palette-divider)}',
  '@media print{.od-bar{position:absolute}}',
  // MUI's regular Toolbar, with gutters.
  '.od-toolbar{position:relative;display:flex;align-items:center;padding-left:calc(2 * var(--mui-spacing));padding-right:calc(2 * var(--mui-spacing));min-height:56px;gap:var(--mui-spacing)}',
  '.od-bar-space{min-height:56px}',
  '@media (orientation:landscape){.od-toolbar,.od-bar-space{min-height:48px}}',
  '@media (min-width:600px){.od-toolbar{padding-left:calc(3 * var(--mui-spacing));padding-right:calc(3 * var(--mui-spacing));gap:calc(2 * var(--mui-spacing))}.od-toolbar,.od-bar-space{min-height:64px}}',
  '.od-logo{margin:0;text-decoration:none;color:inherit;display:none}',
  `.od-logo:focus-visible{${ring};outline-offset:2px;border-radius:2px}`,
  '@media (min-width:600px){.od-logo{display:inline}}',
  '.od-logo-text{margin:0;font-size:1.25rem;line-height:1.6;font-weight:700;letter-spacing:-0.3px}',
  '.od-grow{flex-grow:1}',
  '.od-search-label{display:none;flex-grow:1;text-align:left}',
  '.od-search-keys{display:none;font-size:12px;margin-left:calc(2 * var(--mui-spacing));font-family:inherit}',
  '@media (min-width:600px){.od-search-label,.od-search-keys{display:inline}}',
  '.od-side{display:none;width:220px;flex-shrink:0}',
  '@media (min-width:900px){.od-side{display:block}}',
  '.od-side-inner{position:fixed;top:0;bottom:0;width:220px;overflow-y:auto;background-color:var(--mui-palette-background-paper);border-right:1px solid var(--mui-palette-divider)}',
  // MUI's List of ListItemButtons with icons.
  '.od-nav{list-style:none;margin:0;padding:8px 0;position:relative}',
  '.od-nav-item{display:flex;flex-grow:1;justify-content:flex-start;align-items:center;position:relative;box-sizing:border-box;margin:0 var(--mui-spacing);padding:8px 16px;border-radius:var(--mui-shape-borderRadius);color:inherit;text-decoration:none;cursor:pointer;user-select:none;-webkit-tap-highlight-color:transparent;outline:0;transition:background-color 150ms cubic-bezier(0.4,0,0.2,1) 0ms}',
  '.od-nav-item:hover{background-color:var(--mui-palette-action-hover)}',
  '@media (hover:none){.od-nav-item:hover{background-color:transparent}}',
  '.od-nav-item.active{background-color:var(--mui-palette-action-selected)}',
  `.od-nav-item:focus-visible{${ring};outline-offset:-2px;background-color:var(--mui-palette-action-focus)}`,
  '.od-nav-icon{color:var(--mui-palette-action-active);flex-shrink:0;display:inline-flex;min-width:36px}',
  '.od-nav-text{flex:1 1 auto;min-width:0;margin:4px 0;font-size:1rem;line-height:1.5}',
  '.od-main{flex-grow:1;min-width:0;outline:none;padding:calc(2 * var(--mui-spacing))}',
  '@media (min-width:900px){.od-main{padding:calc(3 * var(--mui-spacing))}}',
  '.od-page{max-width:1400px;margin-left:auto;margin-right:auto}',
  // MUI's Breadcrumbs: body1 text in the secondary colour, "/" between the items.
  '.od-crumbs{margin:0 0 calc(2 * var(--mui-spacing));font-size:1rem;line-height:1.5;color:var(--mui-palette-text-secondary)}',
  '.od-crumbs>ol{display:flex;flex-wrap:wrap;align-items:center;padding:0;margin:0;list-style:none}',
  '.od-crumb-sep{display:flex;user-select:none;margin-left:var(--mui-spacing);margin-right:var(--mui-spacing)}',
  '.od-crumb-link{color:inherit;text-decoration:none}',
  '.od-crumb-link:hover{text-decoration:underline}',
  `.od-crumb-link:focus-visible{${ring};outline-offset:2px;border-radius:2px}`,
  '.od-crumb-current{color:var(--mui-palette-text-primary)}',
].join('');
