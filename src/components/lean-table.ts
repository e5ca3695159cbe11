import type { CSSObject, Theme } from '@mui/material/styles';

/**
 * Body rows of a long table as plain `<tr>`/`<td>` elements, styled once from the `<table>`: MUI's
 * `TableRow`/`TableCell` (and a `Typography`/`Link`/`Avatar` in a cell) each serialise their
 * styles on every render, which made a 25-row page render most of its first frame in style code.
 * These rules reproduce MUI's small body cell, hover row, link and rounded initials avatar, so a
 * lean row looks the same as one made of MUI components. Class names are the `lean*` constants.
 */
export const lean = {
  /** A row that tints on hover. */
  row: 'lean-row',
  /** A row that opens something when clicked (with `row`). */
  clickable: 'lean-clickable',
  /** MUI's small checkbox cell. */
  checkbox: 'lean-checkbox',
  /** A native checkbox over MUI's checkbox icon (`leanCheckboxIcons`): looks like MUI's Checkbox. */
  check: 'lean-check',
  /** A `<button>` around a 20 px icon: looks like MUI's small IconButton. */
  iconButton: 'lean-icon-button',
  /** MUI's small filled chip, as text. */
  chip: 'lean-chip',
  /** Chips side by side, wrapping. */
  chips: 'lean-chips',
  strong: 'lean-strong',
  caption: 'lean-caption',
  link: 'lean-link',
  mono: 'lean-mono',
  secondaryText: 'lean-muted',
  /** A column a phone hides (the detail page shows it). */
  phoneHidden: 'lean-phone-hidden',
  alignRight: 'lean-right',
  nameCell: 'lean-name',
  avatar: 'lean-avatar',
  /** A person's round avatar (with `avatar`); hidden on a phone. */
  memberAvatar: 'lean-member-avatar',
  /** Picture and name side by side; the text in `identityText`, each line `oneLine`. */
  identity: 'lean-identity',
  identityText: 'lean-identity-text',
  oneLine: 'lean-one-line',
} as const;

/** The paths of MUI's checkbox icons (24 px view box), for a `lean.check`. */
export const leanCheckboxIcons = {
  blank:
    'M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2z',
  checked:
    'M19 3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.11 0 2-.9 2-2V5c0-1.1-.89-2-2-2zm-9 14l-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z',
} as const;

/** The keyboard focus ring of the theme's controls (src/app/theme.ts). */
const focusRing: CSSObject = {
  outline: '2px solid var(--mui-palette-primary-main)',
  outlineOffset: 2,
};

export const leanTableSx = (theme: Theme): CSSObject => ({
  [`& tbody td`]: {
    ...theme.typography.body2,
    display: 'table-cell',
    verticalAlign: 'inherit',
    borderBottom: `1px solid ${theme.vars.palette.TableCell.border}`,
    textAlign: 'left',
    padding: '6px 16px',
    color: theme.vars.palette.text.primary,
  },
  [`& .${lean.row}`]: {
    color: 'inherit',
    display: 'table-row',
    verticalAlign: 'middle',
    outline: 0,
    '&:hover': { backgroundColor: theme.vars.palette.action.hover },
  },
  [`& .${lean.clickable}`]: { cursor: 'pointer' },
  [`& td.${lean.checkbox}`]: { width: 24, padding: '0 12px 0 16px', '& > *': { padding: 0 } },
  [`& .${lean.check}`]: {
    position: 'relative',
    display: 'inline-flex',
    verticalAlign: 'middle',
    borderRadius: '50%',
    color: theme.vars.palette.text.secondary,
    '& > input': {
      position: 'absolute',
      top: 0,
      left: 0,
      width: '100%',
      height: '100%',
      margin: 0,
      padding: 0,
      opacity: 0,
      cursor: 'pointer',
      zIndex: 1,
    },
    '& > svg': { width: 24, height: 24, display: 'block', fill: 'currentColor' },
    '&:hover': {
      backgroundColor: theme.alpha(
        theme.vars.palette.primary.main,
        theme.vars.palette.action.hoverOpacity,
      ),
    },
    '&:has(> input:checked)': { color: theme.vars.palette.primary.main },
    '&:has(> input:focus-visible)': focusRing,
  },
  [`& .${lean.iconButton}`]: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    verticalAlign: 'middle',
    boxSizing: 'border-box',
    margin: 0,
    padding: '5px', // a string: sx reads a number as theme spacing
    border: 0,
    borderRadius: '50%',
    backgroundColor: 'transparent',
    color: theme.vars.palette.action.active,
    cursor: 'pointer',
    userSelect: 'none',
    WebkitTapHighlightColor: 'transparent',
    transition: theme.transitions.create('background-color', {
      duration: theme.transitions.duration.shortest,
    }),
    '&:hover': {
      backgroundColor: theme.alpha(
        theme.vars.palette.action.active,
        theme.vars.palette.action.hoverOpacity,
      ),
    },
    '&:focus-visible': focusRing,
    '& > svg': { width: 20, height: 20, display: 'block', fill: 'currentColor' },
  },
  [`& .${lean.chip}`]: {
    maxWidth: '100%',
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.pxToRem(13),
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    lineHeight: 1.5,
    padding: '0 8px',
    borderRadius: '12px',
    whiteSpace: 'nowrap',
    color: theme.vars.palette.text.primary,
    backgroundColor: theme.vars.palette.action.selected,
  },
  [`& .${lean.chips}`]: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  [`& .${lean.strong}`]: { ...theme.typography.body2, fontWeight: 500 },
  [`& .${lean.caption}`]: {
    ...theme.typography.caption,
    color: theme.vars.palette.text.secondary,
  },
  [`& .${lean.nameCell}`]: { display: 'flex', alignItems: 'center', gap: theme.spacing(1.5) },
  [`& .${lean.link}`]: {
    color: 'inherit',
    fontWeight: 500,
    textDecoration: 'none',
    '&:hover': { textDecoration: 'underline' },
    '&:focus-visible': { borderRadius: '2px' },
  },
  [`& .${lean.mono}`]: { fontFamily: 'monospace' },
  [`& .${lean.secondaryText}`]: { color: theme.vars.palette.text.secondary },
  [`& td.${lean.alignRight}`]: { textAlign: 'right', flexDirection: 'row-reverse' },
  [`& .${lean.avatar}`]: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    overflow: 'hidden',
    userSelect: 'none',
    lineHeight: 1,
    fontFamily: theme.typography.fontFamily,
    borderRadius: `${String(theme.shape.borderRadius)}px`,
    color: theme.vars.palette.background.default,
    backgroundColor: theme.vars.palette.primary.main,
  },
  [`& .${lean.avatar} > img`]: {
    width: '100%',
    height: '100%',
    objectFit: 'cover',
    color: 'transparent',
    textIndent: 10000,
  },
  [`& .${lean.memberAvatar}`]: {
    width: 32,
    height: 32,
    fontSize: '13px',
    borderRadius: '50%',
    color: theme.vars.palette.primary.contrastText,
  },
  [`& .${lean.identity}`]: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    gap: theme.spacing(1.5),
  },
  [`& .${lean.identityText}`]: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  [`& .${lean.oneLine}`]: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  [theme.breakpoints.down('sm')]: {
    [`& .${lean.phoneHidden}`]: { display: 'none' },
    [`& .${lean.memberAvatar}`]: { display: 'none' },
    [`& .${lean.identity}`]: { gap: 0 },
    [`& .${lean.oneLine}`]: { whiteSpace: 'normal', textOverflow: 'clip' },
  },
});
