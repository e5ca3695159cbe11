import type { AuditEntry } from '../../api/audit';

/**
 * What an audit entry says to a person: "Invited 2 people to Acme", "Refused (403)", rather than
 * the vendor's API summary, the operation id and "success 200".
 */

interface Wording {
  /** The picker's name for the operation: "Invite people". */
  readonly label: string;
  /** What was done, with `{org}` and `{who}` to fill: "Invited {who} to {org}". */
  readonly done: string;
}

const INVITE: Wording = { label: 'Invite people', done: 'Invited {who} to {org}' };
const REVOKE_INVITE: Wording = {
  label: 'Revoke an invitation',
  done: 'Revoked an invitation to {org}',
};
const ADD_MEMBER: Wording = { label: 'Add members', done: 'Added {who} to {org}' };
const REMOVE_MEMBER: Wording = { label: 'Remove a member', done: 'Removed {who} from {org}' };
const LOGO: Wording = { label: 'Upload a logo', done: 'Uploaded a logo for {org}' };

/** Every state-changing operation of the five providers (a unit test keeps this complete). */
const WORDING: Readonly<Record<string, Wording>> = {
  createOrganization: { label: 'Create an organization', done: 'Created {org}' },
  updateOrganization: { label: 'Update an organization', done: 'Updated {org}' },
  deleteOrganization: { label: 'Delete an organization', done: 'Deleted {org}' },
  deleteOrganizationHandle: {
    label: 'Remove an organization’s handle',
    done: 'Removed the handle of {org}',
  },
  inviteMembers: INVITE,
  inviteMember: INVITE,
  createOrganizationInvite: INVITE,
  createOrganizationInvitation: INVITE,
  createOrganizationInvitationBulk: INVITE,
  createOrganizationInvitationsBulk: INVITE,
  cancelInvite: REVOKE_INVITE,
  deleteInvitation: REVOKE_INVITE,
  revokeOrganizationInvite: REVOKE_INVITE,
  revokeOrganizationInvitation: REVOKE_INVITE,
  createOrganizationMembership: ADD_MEMBER,
  addOrganizationUsers: ADD_MEMBER,
  deleteOrganizationMembership: REMOVE_MEMBER,
  removeMember: REMOVE_MEMBER,
  removeOrganizationUser: REMOVE_MEMBER,
  updateOrganizationUsers: { label: 'Change members', done: 'Changed {who} in {org}' },
  updateOrganizationMembership: {
    label: 'Change a member’s role',
    done: 'Changed the role of {who} in {org}',
  },
  addOrganizationUserRole: { label: 'Give a role', done: 'Gave {who} a role in {org}' },
  removeOrganizationUserRole: { label: 'Take a role', done: 'Took a role from {who} in {org}' },
  addOrganizationUserPermission: {
    label: 'Grant a permission',
    done: 'Granted {who} a permission in {org}',
  },
  removeOrganizationUserPermission: {
    label: 'Withdraw a permission',
    done: 'Withdrew a permission from {who} in {org}',
  },
  updateOrganizationFeatureFlagOverride: {
    label: 'Override a feature flag',
    done: 'Overrode a feature flag for {org}',
  },
  deleteOrganizationFeatureFlagOverride: {
    label: 'Remove a feature flag override',
    done: 'Removed a feature flag override from {org}',
  },
  deleteOrganizationFeatureFlagOverrides: {
    label: 'Remove all feature flag overrides',
    done: 'Removed every feature flag override from {org}',
  },
  addOrganizationLogo: LOGO,
  uploadOrganizationLogo: LOGO,
  updateOrganizationLogo: LOGO,
  deleteOrganizationLogo: { label: 'Remove a logo', done: 'Removed the logo of {org}' },
  mergeOrganizationMetadata: { label: 'Update metadata', done: 'Updated the metadata of {org}' },
  replaceOrganizationMetadata: {
    label: 'Replace metadata',
    done: 'Replaced the metadata of {org}',
  },
};

/** The operation ids that have wording (for the completeness test). */
export const wordedOperations: readonly string[] = Object.keys(WORDING);

/** The picker's name for an operation; the vendor's summary (or the id) for one not known here. */
export function operationLabel(operationId: string, summary?: string): string {
  return WORDING[operationId]?.label ?? summary ?? operationId;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(', ')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Who an entry acted on: the address, "2 people", a user id; null when it names nobody. */
export function whoText(entry: AuditEntry): string | null {
  const emails = list(entry.target.email);
  const users = list(entry.target.userId);
  const people = emails.length > 0 ? emails : users;
  if (people.length === 0) return null;
  if (people.length === 1) return people[0] ?? null;
  return `${String(people.length)} people`;
}

/** A sentence in parts, so the org can be shown as a link between them. */
export interface OperationSentence {
  readonly before: string;
  /** Where the org's name goes; null when the sentence names no org. */
  readonly org: string | null;
  readonly after: string;
}

/**
 * "Invited 2 people to {org}": the org stays a slot (`org` is its name, or its id when the name
 * is not known) for the caller to render, linked where it can.
 */
export function describeOperation(entry: AuditEntry, orgName: string | null): OperationSentence {
  const wording = WORDING[entry.operationId];
  if (!wording) {
    const text = entry.summary ?? entry.operationId;
    return { before: text, org: null, after: '' };
  }
  const who = whoText(entry);
  let template = wording.done;
  if (who === null)
    template = template.replace(/\s*\{who\}/, '').replace('Invited to', 'Invited people to');
  else template = template.replace('{who}', who);
  const org = orgName ?? entry.target.orgId ?? null;
  const at = template.indexOf('{org}');
  if (at < 0) return { before: template, org: null, after: '' };
  if (org === null) {
    // No org named: "Created an organization", "Invited ana@… (organization not recorded)".
    const text = template.replace('{org}', 'an organization');
    return { before: text, org: null, after: '' };
  }
  return { before: template.slice(0, at), org, after: template.slice(at + '{org}'.length) };
}

/** The sentence as plain text (CSV, lists, tests). */
export function operationText(entry: AuditEntry, orgName: string | null): string {
  const sentence = describeOperation(entry, orgName);
  return `${sentence.before}${sentence.org ?? ''}${sentence.after}`;
}

/** "Succeeded", "Partly done (207)", "Refused (403)", "Failed (502)". */
export function outcomeText(entry: Pick<AuditEntry, 'outcome' | 'status'>): string {
  const status = entry.status ? ` (${String(entry.status)})` : '';
  switch (entry.outcome) {
    case 'success':
      return 'Succeeded';
    case 'partial':
      return `Partly done${status}`;
    case 'refused':
      return `Refused${status}`;
    case 'failure':
      return `Failed${status}`;
  }
}

/** The outcome filter's names. */
export const OUTCOME_LABEL = {
  success: 'Succeeded',
  partial: 'Partly done',
  refused: 'Refused',
  failure: 'Failed',
} as const;
