import Avatar from '@mui/material/Avatar';
import type { Organization } from '../../../api/domain';
import { initials } from '../../../lib/format';

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
