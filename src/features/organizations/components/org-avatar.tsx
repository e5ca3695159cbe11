import Avatar from '@mui/material/Avatar';
import type { Organization } from '../../../api/domain';
import { initials } from '../../../lib/format';
import { lean } from '../../../components/lean-table';

export interface OrgAvatarProps {
  readonly org: Pick<Organization, 'name' | 'imageUrl' | 'hasImage'>;
  readonly size?: number;
}

/** The org's logo where it has one, otherwise its initials. */
export function OrgAvatar({ org, size = 32 }: OrgAvatarProps) {
  const src = org.hasImage && org.imageUrl ? org.imageUrl : undefined;
  return (
    <Avatar
      variant="rounded"
      src={src}
      alt={src ? `${org.name} logo` : ''}
      sx={{ width: size, height: size, fontSize: size * 0.4, bgcolor: 'primary.main' }}
    >
      {initials(org.name)}
    </Avatar>
  );
}

/**
 * The same avatar as a plain element for long lists (initials styled by `leanTableSx`); an org with
 * a logo gets the MUI avatar, which falls back to initials when the image fails to load.
 */
export function LeanOrgAvatar({ org, size = 32 }: OrgAvatarProps) {
  if (org.hasImage && org.imageUrl) return <OrgAvatar org={org} size={size} />;
  return (
    <span
      className={lean.avatar}
      aria-hidden
      style={{ width: size, height: size, fontSize: size * 0.4 }}
    >
      {initials(org.name)}
    </span>
  );
}
