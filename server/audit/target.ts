import type { ProviderKind } from '../../src/api/domain';
import type { OperationMatch } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import type { AuditTarget } from './entry';
import { scrubSecrets } from './message';

const ORG_PARAMS = ['org_id', 'org_code', 'organization_id', 'organizationId'];
const USER_PARAMS = ['user_id', 'userId'];
const EMAIL_KEYS = new Set(['email', 'emails', 'email_address', 'email_addresses']);
const MAX_EMAILS = 50;
const EMAIL_SHAPE = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
/** Users an entry names, as many as emails. */
const MAX_USERS = MAX_EMAILS;
/** Users read from one body at most; Kinde's bulk calls take 100 and refuse more. */
const MAX_BODY_USERS = 500;
/** Provider user ids: Kinde `kp_…`/`kp:…`, Clerk `user_…`. Nothing with spaces or markup. */
const USER_ID_SHAPE = /^[A-Za-z0-9_.:|@-]{1,200}$/;

/**
 * Operations whose body (not path) names the user they add or change: Clerk's membership create
 * (`user_id`: JSON for the Backend API, a form for the Frontend API) and Kinde's bulk org-user add
 * and update (`users[].id`). Other body fields that hold user ids (`inviter_user_id`,
 * `requesting_user_id`, `uploader_user_id`) name who acted, not the target, and are not read.
 */
const BODY_USER_OPERATIONS = new Set([
  'createOrganizationMembership',
  'addOrganizationUsers',
  'updateOrganizationUsers',
]);

/** Invitation creates: the only operations whose body Orgdeck reads for the audit trail. */
export function isInvitationCreate(match: OperationMatch): boolean {
  return match.op.method === 'POST' && /invit/i.test(match.id) && !/revoke|cancel/i.test(match.id);
}

/**
 * What a call acted on: the org and user from the matched path parameters; for invitation
 * creates, the invited addresses from the JSON or form body; for membership creates and Kinde's
 * bulk user calls, the user ids from the body (several joined with ", "). No other body field
 * is read.
 */
export function auditTarget(
  match: OperationMatch,
  body: ArrayBuffer | Uint8Array | undefined,
  contentType: string | undefined,
): AuditTarget {
  const target: { orgId?: string; userId?: string; email?: string } = {};
  const org = ORG_PARAMS.map((name) => match.params[name]).find((value) => value !== undefined);
  const user = USER_PARAMS.map((name) => match.params[name]).find((value) => value !== undefined);
  if (org !== undefined) target.orgId = org;
  if (user !== undefined) target.userId = user;
  if (body !== undefined && isInvitationCreate(match)) {
    const emails = invitedEmails(new TextDecoder().decode(body), contentType ?? '');
    if (emails.length > 0) target.email = emails.join(', ');
  }
  if (user === undefined && body !== undefined) {
    const users = bodyUserIds(match, body, contentType).slice(0, MAX_USERS);
    if (users.length > 0) target.userId = users.join(', ');
  }
  return target;
}

/**
 * The users a membership create or Kinde bulk user call names in its body, in order, without
 * duplicates; only values shaped like a provider user id (never anything credential-shaped).
 * Empty for every other operation.
 */
export function bodyUserIds(
  match: OperationMatch,
  body: ArrayBuffer | Uint8Array | undefined,
  contentType: string | undefined,
): string[] {
  if (body === undefined || !BODY_USER_OPERATIONS.has(match.id)) return [];
  const text = new TextDecoder().decode(body);
  const type = contentType ?? '';
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value !== 'string' || found.length >= MAX_BODY_USERS) return;
    const id = value.trim();
    if (!USER_ID_SHAPE.test(id) || scrubSecrets(id, []) !== id || found.includes(id)) return;
    found.push(id);
  };
  if (type.includes('application/x-www-form-urlencoded')) {
    new URLSearchParams(text).getAll('user_id').forEach(add);
    return found;
  }
  if (!type.includes('json')) return found;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return found;
  }
  add(field(json, 'user_id'));
  const users = field(json, 'users');
  if (Array.isArray(users)) {
    for (const user of users.slice(0, MAX_BODY_USERS)) add(field(user, 'id'));
  }
  return found;
}

function invitedEmails(text: string, contentType: string): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value !== 'string' || found.length >= MAX_EMAILS) return;
    const email = value.trim();
    if (EMAIL_SHAPE.test(email) && !found.includes(email)) found.push(email);
  };
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    for (const key of EMAIL_KEYS) form.getAll(key).forEach(add);
    return found;
  }
  if (!contentType.includes('json')) return found;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return found;
  }
  const visit = (value: unknown, depth: number, underEmailKey: boolean): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1, underEmailKey);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, depth + 1, EMAIL_KEYS.has(key));
    } else if (underEmailKey) {
      add(value);
    }
  };
  visit(json, 0, false);
  return found;
}

type Json = Record<string, unknown>;

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)[key]
    : undefined;

const MAX_ID_LENGTH = 200;

/**
 * The id of the org a successful create made, read from the provider's answer; the request
 * names none, so without it an org's activity would not show its creation.
 */
export function createdOrgId(
  provider: ProviderKind,
  match: OperationMatch,
  status: number,
  payload: ArrayBuffer | Uint8Array,
): string | undefined {
  if (match.id !== 'createOrganization' || status < 200 || status >= 300) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  // Where each provider's create answer names the new org: its catalog entry says.
  const id = providerCatalog[provider].vendor.createdOrgIdAt.reduce<unknown>(
    (value, key) => field(value, key),
    json,
  );
  return typeof id === 'string' && id !== '' && id.length <= MAX_ID_LENGTH ? id : undefined;
}
