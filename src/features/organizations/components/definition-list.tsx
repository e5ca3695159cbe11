import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

export interface DefinitionItem {
  readonly term: string;
  readonly value: ReactNode;
}

/** Label/value pairs as an accessible description list. */
export function DefinitionList({ items }: { readonly items: readonly DefinitionItem[] }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(140px, 30%) 1fr' },
        columnGap: 2,
        rowGap: 1.25,
        '& dt': { color: 'text.secondary', fontSize: 14, pt: 0.25, overflowWrap: 'anywhere' },
        '& dd': { m: 0, minWidth: 0 },
      }}
    >
      {items.map((item) => (
        <Box key={item.term} sx={{ display: 'contents' }}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </Box>
      ))}
    </Box>
  );
}
