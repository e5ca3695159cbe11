import Box from '@mui/material/Box';
import type { JsonValue } from '../api/domain';

export interface JsonViewProps {
  readonly value: JsonValue;
  readonly label: string;
  readonly maxHeight?: number;
}

/** Formatted JSON, as text only (provider data is untrusted and never rendered as HTML). */
export function JsonView({ value, label, maxHeight = 360 }: JsonViewProps) {
  return (
    <Box
      component="pre"
      aria-label={label}
      tabIndex={0}
      sx={{
        m: 0,
        p: 1.5,
        maxHeight,
        overflow: 'auto',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: 13,
        bgcolor: 'action.hover',
        borderRadius: 1,
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
