/**
 * Styles that hide text visually but keep it for screen readers. Sizes in px strings: in MUI's
 * `sx` a bare 1 means 100%, which made the hidden text as wide as its box (a sideways scroll).
 */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
