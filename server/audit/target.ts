import type { ProviderKind } from '../../src/api/domain';
import type { OperationMatch } from '../../src/api/operations';
import type { AuditTarget } from './entry';

const ORG_PARAMS = ['org_id', 'org_code', 'organization_id', 'organizationId'];
const USER_PARAMS = ['user_id', 'userId'];
const EMAIL_KEYS = new Set(['email', 'emails', 'email_address', 'email_addresses']);
const MAX_EMAILS = 50;
const EMAIL_SHAPE = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/** Invitation creates: the only operations whose body Orgdeck reads for the audit trail. */
export function isInvitationCreate(match: OperationMatch): boolean {
  return match.op.method === 'POST' && /invit/i.test(match.id) && !/revoke|cancel/i.test(match.id);
}

/**
 * What a call acted on: the org and user from the matched path parameters and, for invitation
 * creates, the invited addresses from the JSON or form body. No other body field is read.
 */
export function auditTarget(
  match: OperationMatch,
  body: ArrayBuffer | undefined,
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
  return target;
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

/**
 * Where each provider's create answer names the new org, as the id the console uses for it
 * (`Organization.id`): Permit's UUID, Kinde's org code (its only answer), Clerk's `org_…` id
 * (wrapped in `response` by the Frontend API) and NuMind's id.
 */
const CREATED_ORG_ID: Readonly<Record<ProviderKind, (json: unknown) => unknown>> = {
  permit: (json) => field(json, 'id'),
  kinde: (json) => field(field(json, 'organization'), 'code'),
  clerk: (json) => field(json, 'id'),
  'clerk-frontend': (json) => field(field(json, 'response'), 'id'),
  numind: (json) => field(json, 'id'),
};

const MAX_ID_LENGTH = 200;

/**
 * The id of the org a successful create made, read from the provider's answer; the request
 * names none, so without it an org's activity would not show its creation.
 */
export function createdOrgId(
  provider: ProviderKind,
  match: OperationMatch,
  status: number,
  payload: ArrayBuffer,
): string | undefined {
  if (match.id !== 'createOrganization' || status < 200 || status >= 300) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  const id = CREATED_ORG_ID[provider](json);
  return typeof id === 'string' && id !== '' && id.length <= MAX_ID_LENGTH ? id : undefined;
}
