import { useState } from 'react';
import type { Member } from '../../../api/people';
import { BreakableEmail } from '../../../components/breakable-email';
import { lean } from '../../../components/lean-table';
import { initials } from '../../../lib/format';

/** How a member is named in lists and confirmations: email first, it is what support is asked about. */
export function memberLabel(member: Pick<Member, 'email' | 'name' | 'userId'>): string {
  return member.email ?? member.name ?? member.userId;
}

/** The member's picture, or their initials when they have none or it does not load. */
function MemberAvatar({
  name,
  imageUrl,
}: {
  readonly name: string;
  readonly imageUrl: string | null;
}) {
  const [failed, setFailed] = useState(false);
  return (
    <span className={`${lean.avatar} ${lean.memberAvatar}`} aria-hidden>
      {imageUrl && !failed ? (
        <img
          src={imageUrl}
          alt=""
          onError={() => {
            setFailed(true);
          }}
        />
      ) : (
        initials(name)
      )}
    </span>
  );
}

/**
 * A member's picture, name and email, as plain elements styled by the members table (`lean-table`):
 * one line with an ellipsis where there is room; on a phone the text wraps instead of widening the
 * table, and the picture steps aside.
 */
export function MemberIdentity({ member }: { readonly member: Member }) {
  const name = member.name ?? member.email ?? member.userId;
  return (
    <div className={lean.identity}>
      <MemberAvatar name={name} imageUrl={member.imageUrl} />
      <div className={lean.identityText}>
        <div className={`${lean.strong} ${lean.oneLine}`}>
          <BreakableEmail>{name}</BreakableEmail>
        </div>
        {member.email && member.name ? (
          <div className={`${lean.caption} ${lean.oneLine}`}>
            <BreakableEmail>{member.email}</BreakableEmail>
          </div>
        ) : null}
      </div>
    </div>
  );
}
