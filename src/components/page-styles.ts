/**
 * Parts every page draws in its first frame — the page header and a list's pagination — as plain
 * elements with these classes, styled by `pageCss`, which the page shell carries with the theme's
 * CSS (server/theme-css.ts). As MUI's Stack, Box and Typography they serialised their styles on
 * every cold load; these rules reproduce what they drew (h1 and body2 type, 8px spacing, MUI's
 * breakpoints: sm 600px).
 */
export const page = {
  header: 'od-page-header',
  heading: 'od-page-heading',
  title: 'od-page-title',
  subtitle: 'od-page-subtitle',
  actions: 'od-page-actions',
  pagination: 'od-pagination',
  paginationGroup: 'od-pagination-group',
  smallText: 'od-body2',
  nativeSelect: 'od-native-select',
} as const;

export const pageCss = [
  '.od-page-header{display:flex;flex-direction:column;align-items:flex-start;gap:calc(2 * var(--mui-spacing));margin-bottom:calc(3 * var(--mui-spacing))}',
  '@media (min-width:600px){.od-page-header{flex-direction:row;align-items:center}}',
  '.od-page-heading{flex-grow:1;min-width:0}',
  // MUI's h1 with the theme's size and weight.
  '.od-page-title{margin:0;font-family:inherit;font-size:1.6rem;font-weight:650;line-height:1.167;letter-spacing:-0.01562em;overflow-wrap:anywhere}',
  '.od-page-subtitle{color:var(--mui-palette-text-secondary);margin-top:calc(0.5 * var(--mui-spacing))}',
  '.od-page-actions{display:flex;flex-direction:row;gap:var(--mui-spacing);flex-shrink:0}',
  '.od-pagination{display:flex;flex-direction:row;flex-wrap:wrap;align-items:center;justify-content:flex-end;gap:calc(2 * var(--mui-spacing));padding:var(--mui-spacing) calc(2 * var(--mui-spacing))}',
  '.od-pagination-group{display:flex;flex-direction:row;align-items:center;gap:var(--mui-spacing)}',
  '.od-body2{margin:0;font-size:0.875rem;line-height:1.43;letter-spacing:0.01071em}',
  '.od-native-select{font:inherit;font-size:14px;color:var(--mui-palette-text-primary);background-color:var(--mui-palette-background-paper);border:1px solid var(--mui-palette-divider);border-radius:var(--mui-shape-borderRadius);padding:2px 4px;cursor:pointer}',
  '.od-native-select:focus-visible{outline:2px solid var(--mui-palette-primary-main);outline-offset:1px}',
].join('');
