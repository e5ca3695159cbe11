import type { KindeErrorItem } from './errors';
import {
  KINDE_COLOR_KEYS,
  KINDE_THEME_CODES,
  type KindeColorKey,
  type KindeThemeCode,
} from './state';

/**
 * Reads `CreateOrganizationRequest` / `UpdateOrganizationRequest` bodies. Kinde publishes no
 * format rules beyond types and enums; the handle, colour, e-mail and domain checks and their
 * error codes are the sandbox's choices. Unknown keys are ignored.
 */

export interface OrgChanges {
  name?: string;
  handle?: string;
  external_id?: string | null;
  colors?: Partial<Record<KindeColorKey, string>>;
  theme_code?: KindeThemeCode;
  is_auto_membership_enabled?: boolean;
  sender_name?: string | null;
  sender_email?: string | null;
  /** Create only: initial flag overrides, flag key → value. */
  feature_flags?: Record<string, string>;
  /** Create only: `is_create_billing_customer` with its `billing_email` and plan. */
  billing?: { readonly email: string; readonly planCode: string };
  /** Update only. */
  allowed_domains?: string[];
  is_suspended?: boolean;
  is_auto_join_domain_list?: boolean;
  is_enable_advanced_orgs?: boolean;
  is_enforce_mfa?: boolean;
}

export const HANDLE_PATTERN = /^[a-z0-9_-]+$/;
const COLOR_PATTERN = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN_PATTERN = /^(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

type Mode = 'create' | 'update';

class Reader {
  readonly changes: OrgChanges = {};
  readonly errors: KindeErrorItem[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  has(key: string): boolean {
    return this.body[key] !== undefined;
  }

  fail(field: string, code: string, message: string): void {
    this.errors.push({ code, message, field });
  }

  string(key: string, options: { nullable?: boolean } = {}): string | null | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (value === null && options.nullable) return null;
    if (typeof value === 'string') return value;
    this.fail(key, 'INVALID_VALUE', `${key} must be a string.`);
    return undefined;
  }

  boolean(key: string): boolean | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    this.fail(key, 'INVALID_VALUE', `${key} must be true or false.`);
    return undefined;
  }
}

function readName(reader: Reader, mode: Mode): void {
  if (!reader.has('name')) {
    if (mode === 'create') reader.fail('name', 'NAME_REQUIRED', 'Organization name is required');
    return;
  }
  const name = reader.string('name', { nullable: true });
  if (name === undefined) return;
  if (name === null || name.trim() === '') {
    reader.fail('name', 'NAME_REQUIRED', 'Organization name is required');
    return;
  }
  reader.changes.name = name;
}

function readHandle(reader: Reader): void {
  const handle = reader.string('handle');
  if (typeof handle !== 'string') return;
  if (!HANDLE_PATTERN.test(handle)) {
    reader.fail(
      'handle',
      'INVALID_HANDLE',
      'Handle can only contain lowercase letters, numbers, underscores and hyphens',
    );
    return;
  }
  reader.changes.handle = handle;
}

function readBranding(reader: Reader): void {
  const colors: Partial<Record<KindeColorKey, string>> = {};
  for (const key of KINDE_COLOR_KEYS) {
    const value = reader.string(key);
    if (typeof value !== 'string') continue;
    if (COLOR_PATTERN.test(value)) colors[key] = value;
    else reader.fail(key, 'INVALID_COLOR', `${key} must be a hex colour such as #0056F1`);
  }
  if (Object.keys(colors).length > 0) reader.changes.colors = colors;

  const theme = reader.string('theme_code');
  if (typeof theme === 'string') {
    const known = KINDE_THEME_CODES.find((code) => code === theme);
    if (known) reader.changes.theme_code = known;
    else
      reader.fail(
        'theme_code',
        'INVALID_THEME_CODE',
        `theme_code must be one of ${KINDE_THEME_CODES.join(', ')}`,
      );
  }
}

function readSender(reader: Reader): void {
  const senderName = reader.string('sender_name', { nullable: true });
  if (senderName !== undefined) reader.changes.sender_name = senderName === '' ? null : senderName;
  const senderEmail = reader.string('sender_email', { nullable: true });
  if (senderEmail === undefined) return;
  if (senderEmail !== null && senderEmail !== '' && !EMAIL_PATTERN.test(senderEmail)) {
    reader.fail('sender_email', 'INVALID_EMAIL', 'sender_email must be a valid email address');
    return;
  }
  reader.changes.sender_email = senderEmail === '' ? null : senderEmail;
}

function readFeatureFlags(reader: Reader, body: Record<string, unknown>): void {
  const flags = body['feature_flags'];
  if (flags === undefined) return;
  if (typeof flags !== 'object' || flags === null || Array.isArray(flags)) {
    reader.fail(
      'feature_flags',
      'INVALID_VALUE',
      'feature_flags must be an object of flag key to value.',
    );
    return;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(flags)) {
    if (typeof value === 'string') out[key] = value;
    else reader.fail('feature_flags', 'INVALID_VALUE', `feature_flags.${key} must be a string.`);
  }
  reader.changes.feature_flags = out;
}

/**
 * Choice: the sandbox publishes one org plan, so an omitted `billing_plan_code` ("the default
 * plan is used") becomes this code; any other non-empty code is accepted as published.
 */
export const KINDE_DEFAULT_PLAN_CODE = 'default';

/**
 * `is_create_billing_customer`, `billing_email` (required when it is true) and
 * `billing_plan_code`. Without `is_create_billing_customer: true` the other two are ignored.
 */
function readBilling(reader: Reader): void {
  const create = reader.boolean('is_create_billing_customer');
  const email = reader.string('billing_email');
  const planCode = reader.string('billing_plan_code');
  if (create !== true) return;
  const required = () =>
    reader.fail(
      'billing_email',
      'BILLING_EMAIL_REQUIRED',
      'billing_email is required when is_create_billing_customer is true',
    );
  // A billing_email of the wrong type has already been reported by `string`.
  if (email === undefined || email === null) {
    if (!reader.has('billing_email')) required();
    return;
  }
  if (email.trim() === '') {
    required();
    return;
  }
  if (!EMAIL_PATTERN.test(email)) {
    reader.fail('billing_email', 'INVALID_EMAIL', 'billing_email must be a valid email address');
    return;
  }
  if (planCode === '' || planCode === null) {
    reader.fail('billing_plan_code', 'INVALID_VALUE', 'billing_plan_code must not be empty.');
    return;
  }
  reader.changes.billing = { email, planCode: planCode ?? KINDE_DEFAULT_PLAN_CODE };
}

function readDomains(reader: Reader, body: Record<string, unknown>): void {
  const domains = body['allowed_domains'];
  if (domains === undefined) return;
  if (!Array.isArray(domains) || domains.some((domain) => typeof domain !== 'string')) {
    reader.fail('allowed_domains', 'INVALID_VALUE', 'allowed_domains must be an array of strings.');
    return;
  }
  const bad = (domains as string[]).filter((domain) => !DOMAIN_PATTERN.test(domain));
  if (bad.length > 0) {
    reader.fail('allowed_domains', 'INVALID_DOMAIN', `Not a valid domain: ${bad.join(', ')}`);
    return;
  }
  reader.changes.allowed_domains = [...new Set(domains as string[])];
}

export function readOrgChanges(
  body: Record<string, unknown>,
  mode: Mode,
): { changes: OrgChanges; errors: KindeErrorItem[] } {
  const reader = new Reader(body);
  readName(reader, mode);
  readHandle(reader);
  const externalId = reader.string('external_id', { nullable: true });
  if (externalId !== undefined) reader.changes.external_id = externalId === '' ? null : externalId;
  readBranding(reader);
  // `is_allow_registrations` is the deprecated name of `is_auto_membership_enabled`.
  const autoMembership =
    reader.boolean('is_auto_membership_enabled') ?? reader.boolean('is_allow_registrations');
  if (autoMembership !== undefined) reader.changes.is_auto_membership_enabled = autoMembership;
  readSender(reader);
  if (mode === 'create') {
    readFeatureFlags(reader, body);
    readBilling(reader);
  } else {
    readDomains(reader, body);
    for (const key of [
      'is_suspended',
      'is_auto_join_domain_list',
      'is_enable_advanced_orgs',
      'is_enforce_mfa',
    ] as const) {
      const value = reader.boolean(key);
      if (value !== undefined) reader.changes[key] = value;
    }
  }
  return { changes: reader.changes, errors: reader.errors };
}
