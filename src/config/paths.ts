/** Every in-app link is built here, so routes and links cannot drift apart. */

export type OrgTab =
  'overview' | 'members' | 'invitations' | 'roles' | 'flags' | 'metadata' | 'branding' | 'activity';

export const paths = {
  home: { path: '/', href: () => '/' },
  connections: { path: '/connections', href: () => '/connections' },
  audit: { path: '/audit', href: () => '/audit' },
  /** A person across every connection, by email (answered by the server's index). */
  person: {
    path: '/people/:email',
    href: (email: string) => `/people/${encodeURIComponent(email.trim().toLowerCase())}`,
  },
  signIn: {
    path: '/sign-in',
    href: (next = '') => (next === '' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`),
  },
  connection: {
    path: '/c/:connectionId',
    href: (connectionId: string) => `/c/${encodeURIComponent(connectionId)}`,
  },
  overview: {
    path: '/c/:connectionId/overview',
    href: (connectionId: string) => `/c/${encodeURIComponent(connectionId)}/overview`,
  },
  flagMatrix: {
    path: '/c/:connectionId/flags',
    /** `query`: the org list's state (`q=&sort=&page=&size=`), shared with the org list. */
    href: (connectionId: string, query = '') =>
      `/c/${encodeURIComponent(connectionId)}/flags${query === '' ? '' : `?${query}`}`,
  },
  pendingInvitations: {
    path: '/c/:connectionId/invitations',
    href: (connectionId: string, search = '') =>
      `/c/${encodeURIComponent(connectionId)}/invitations${search === '' ? '' : `?${new URLSearchParams({ q: search }).toString()}`}`,
  },
  orgs: {
    list: {
      path: '/c/:connectionId/orgs',
      href: (connectionId: string, search = '') =>
        `/c/${encodeURIComponent(connectionId)}/orgs${search === '' ? '' : `?${search}`}`,
    },
    detail: {
      path: '/c/:connectionId/orgs/:orgId/:tab',
      href: (connectionId: string, orgId: string, tab: OrgTab = 'overview') =>
        `/c/${encodeURIComponent(connectionId)}/orgs/${encodeURIComponent(orgId)}/${tab}`,
    },
  },
} as const;
