import Chip from '@mui/material/Chip';
import type { ProviderKind } from '../../../api/domain';

const COLORS: Record<ProviderKind, string> = {
  permit: '#6b4ef8',
  kinde: '#1f1f1f',
  clerk: '#6c47ff',
  'clerk-frontend': '#8b6cff',
  numind: '#00a37a',
};

export function ProviderDot({ provider }: { readonly provider: ProviderKind }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 5,
        background: COLORS[provider],
        // Keeps dark brand colours visible on a dark background.
        boxShadow: 'inset 0 0 0 1px rgba(128, 128, 128, 0.6)',
        flexShrink: 0,
      }}
    />
  );
}

export function SandboxChip() {
  return <Chip size="small" label="Sandbox" color="secondary" variant="outlined" />;
}
