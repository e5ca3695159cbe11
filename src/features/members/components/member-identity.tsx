import Avatar from '@mui/material/Avatar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Member } from '../../../api/people';
import { BreakableEmail } from '../../../components/breakable-email';
import { initials } from '../../../lib/format';

/** One line with an ellipsis where there is room; on a phone the text wraps instead of widening the table. */
const oneLineFromSm = {
  whiteSpace: { xs: 'normal', sm: 'nowrap' },
  overflow: 'hidden',
  textOverflow: { sm: 'ellipsis' },
} as const;

/** How a member is named in lists and confirmations: email first, it is what support is asked about. */
export function memberLabel(member: Pick<Member, 'email' | 'name' | 'userId'>): string {
  return member.email ?? member.name ?? member.userId;
}

export function MemberIdentity({ member }: { readonly member: Member }) {
  const name = member.name ?? member.email ?? member.userId;
  return (
    <Stack direction="row" spacing={{ xs: 0, sm: 1.5 }} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Avatar
        src={member.imageUrl ?? undefined}
        alt=""
        sx={{
          display: { xs: 'none', sm: 'flex' },
          width: 32,
          height: 32,
          fontSize: 13,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
        }}
      >
        {initials(name)}
      </Avatar>
      <Stack sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 500, ...oneLineFromSm }}>
          <BreakableEmail>{name}</BreakableEmail>
        </Typography>
        {member.email && member.name ? (
          <Typography variant="caption" color="text.secondary" sx={oneLineFromSm}>
            <BreakableEmail>{member.email}</BreakableEmail>
          </Typography>
        ) : null}
      </Stack>
    </Stack>
  );
}
