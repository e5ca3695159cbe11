import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchSession, roleAllows, type ConsoleRole, type Session } from '../api/session';

export const sessionQuery = () =>
  queryOptions({
    queryKey: ['session'] as const,
    queryFn: fetchSession,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });

const ACTION_ROLE_NAME: Record<ConsoleRole, string> = {
  viewer: 'a viewer',
  support: 'support',
  admin: 'an admin',
};

/**
 * Whether the signed-in console user may do something, and if not, why (for the tooltip on the
 * disabled control). The gateway enforces the same rule; this only keeps the UI honest.
 */
export function useCan(
  needed: ConsoleRole,
  action: string,
): { readonly allowed: boolean; readonly reason: string | null } {
  const session = useQuery(sessionQuery());
  const role = session.data?.effectiveRole;
  if (!role) return { allowed: true, reason: null };
  if (roleAllows(role, needed)) return { allowed: true, reason: null };
  return {
    allowed: false,
    reason: `Only ${ACTION_ROLE_NAME[needed]} can ${action}; you are signed in as ${role}.`,
  };
}

export type { Session };
