import Avatar from '@mui/material/Avatar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Member } from '../../../api/people';
import { initials } from '../../../lib/format';

/** How a member is named in lists and confirmations: email first, it is what support is asked about. */
export function memberLabel(member: Pick<Member, 'email' | 'name' | 'userId'>): string {
  return member.email ?? member.name ?? member.userId;
}

export function MemberIdentity({ member }: { readonly member: Member }) {
  const name = member.name ?? member.email ?? member.userId;
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Avatar
        src={member.imageUrl ?? undefined}
        alt=""
        sx={{
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
        <Typography variant="body2" sx={{ fontWeight: 500 }} noWrap>
          {name}
        </Typography>
        {member.email && member.name ? (
          <Typography variant="caption" color="text.secondary" noWrap>
            {member.email}
          </Typography>
        ) : null}
      </Stack>
    </Stack>
  );
}
