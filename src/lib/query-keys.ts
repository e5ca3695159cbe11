/**
 * The roots every feature's query keys grow from, so one feature can refresh what another shows
 * (a removed member changes the org's member count) without importing it.
 * `['conn', id, …]` is everything of a connection; `['conn', id, 'orgs', …]` the org collection
 * (lists, details); `['conn', id, 'org', orgId, …]` what lives inside one org;
 * `['conn', id, 'people-counts', …]` counts of members and invitations gathered across orgs.
 */
export const queryRoots = {
  connection: (connectionId: string) => ['conn', connectionId] as const,
  orgs: (connectionId: string) => ['conn', connectionId, 'orgs'] as const,
  orgDetail: (connectionId: string, orgId: string) =>
    ['conn', connectionId, 'orgs', 'detail', orgId] as const,
  orgScope: (connectionId: string, orgId: string) => ['conn', connectionId, 'org', orgId] as const,
  users: (connectionId: string) => ['conn', connectionId, 'users'] as const,
  /**
   * Member and invitation counts read across orgs (the overview's sample and the active org's
   * stats): whatever changes members or invitations refreshes these too.
   */
  peopleCounts: (connectionId: string) => ['conn', connectionId, 'people-counts'] as const,
};
