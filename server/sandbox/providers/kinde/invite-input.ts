import type { KindeErrorItem } from './errors';

/**
 * Reads the `POST /api/v1/organization/{org_code}/invites` body. The length caps and their codes
 * (`EMAIL_TOO_LONG`, `FIRST_NAME_TOO_LONG`, `LAST_NAME_TOO_LONG`) and `roles` being required are
 * the spec's; the other codes and the e-mail format check are the sandbox's choices.
 */

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 64;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InviteInput {
  /** Lower-cased (a choice: Kinde treats e-mail addresses case-insensitively). */
  readonly email: string;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly roles: string[];
  readonly send_email: boolean;
}

function readEmail(value: unknown, errors: KindeErrorItem[]): string | null {
  if (value === undefined || value === null || value === '') {
    errors.push({ code: 'EMAIL_REQUIRED', message: 'Email is required', field: 'email' });
    return null;
  }
  if (typeof value !== 'string') {
    errors.push({ code: 'INVALID_VALUE', message: 'email must be a string', field: 'email' });
    return null;
  }
  const email = value.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH) {
    errors.push({
      code: 'EMAIL_TOO_LONG',
      message: `Email must be ${MAX_EMAIL_LENGTH} characters or fewer`,
      field: 'email',
    });
    return null;
  }
  if (!EMAIL_PATTERN.test(email)) {
    errors.push({ code: 'INVALID_EMAIL', message: 'Email is not valid', field: 'email' });
    return null;
  }
  return email;
}

function readName(
  value: unknown,
  field: 'first_name' | 'last_name',
  errors: KindeErrorItem[],
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.push({ code: 'INVALID_VALUE', message: `${field} must be a string`, field });
    return null;
  }
  const name = value.trim();
  if (name.length > MAX_NAME_LENGTH) {
    const label = field === 'first_name' ? 'First name' : 'Last name';
    errors.push({
      code: field === 'first_name' ? 'FIRST_NAME_TOO_LONG' : 'LAST_NAME_TOO_LONG',
      message: `${label} must be ${MAX_NAME_LENGTH} characters or fewer`,
      field,
    });
    return null;
  }
  return name === '' ? null : name;
}

function readRoles(
  value: unknown,
  roleKeys: ReadonlySet<string>,
  errors: KindeErrorItem[],
): string[] {
  if (value === undefined || value === null) {
    errors.push({
      code: 'ROLE_REQUIRED',
      message: 'At least one role is required',
      field: 'roles',
    });
    return [];
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    errors.push({
      code: 'INVALID_VALUE',
      message: 'roles must be an array of role keys',
      field: 'roles',
    });
    return [];
  }
  const roles = [...new Set(value as string[])];
  // An empty array is refused like a missing one (a choice: the spec only marks it required).
  if (roles.length === 0) {
    errors.push({
      code: 'ROLE_REQUIRED',
      message: 'At least one role is required',
      field: 'roles',
    });
  }
  for (const key of roles) {
    if (!roleKeys.has(key))
      errors.push({ code: 'ROLE_NOT_FOUND', message: `Role ${key} not found`, field: 'roles' });
  }
  return roles;
}

export function readInviteInput(
  body: Record<string, unknown>,
  roleKeys: ReadonlySet<string>,
): InviteInput | KindeErrorItem[] {
  const errors: KindeErrorItem[] = [];
  const email = readEmail(body['email'], errors);
  const firstName = readName(body['first_name'], 'first_name', errors);
  const lastName = readName(body['last_name'], 'last_name', errors);
  const roles = readRoles(body['roles'], roleKeys, errors);
  const sendEmail = body['send_email'] ?? false;
  if (typeof sendEmail !== 'boolean') {
    errors.push({
      code: 'INVALID_VALUE',
      message: 'send_email must be true or false',
      field: 'send_email',
    });
  }
  if (errors.length > 0 || email === null) return errors;
  return {
    email,
    first_name: firstName,
    last_name: lastName,
    roles,
    send_email: sendEmail === true,
  };
}
