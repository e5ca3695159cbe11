import type { Context } from 'hono';
import { PERMIT_ACCESS_LEVELS } from '../../../../src/api/providers/permit/wire';
import { readJson } from '../../vendor';
import { permitValidation, type PermitValidationItem } from './errors';
import type { PermitAccessLevel, PermitInviteRecord } from './state';

/** `InviteRead`. Only pending invites are kept, so the status is always pending. */
export function toInviteRead(invite: PermitInviteRecord) {
  return {
    member_id: invite.member_id,
    email: invite.email,
    role: invite.role,
    id: invite.id,
    organization_id: invite.organization_id,
    invite_code: invite.invite_code,
    created_at: invite.created_at,
    status: 'pending',
    failed_reason: null,
  };
}

/** A validated `InviteCreate`. */
export interface InviteCreate {
  email: string;
  role: PermitAccessLevel;
  member_id: string | null;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID_PATTERN = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const isAccessLevel = (value: unknown): value is PermitAccessLevel =>
  PERMIT_ACCESS_LEVELS.some((level) => level === value);

function checkInvite(item: unknown, index: number, errors: PermitValidationItem[]) {
  const at = (field?: string) => (field === undefined ? ['body', index] : ['body', index, field]);
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push({ loc: at(), msg: 'value is not a valid dict', type: 'type_error.dict' });
    return null;
  }
  const body = item as Record<string, unknown>;
  const count = errors.length;
  const email = body['email'];
  if (email === undefined || email === null) {
    errors.push({ loc: at('email'), msg: 'field required', type: 'value_error.missing' });
  } else if (typeof email !== 'string') {
    errors.push({ loc: at('email'), msg: 'str type expected', type: 'type_error.str' });
  } else if (!EMAIL_PATTERN.test(email.trim())) {
    errors.push({
      loc: at('email'),
      msg: 'value is not a valid email address',
      type: 'value_error.email',
    });
  }
  const role = body['role'] ?? 'admin';
  if (!isAccessLevel(role)) {
    errors.push({
      loc: at('role'),
      msg: `value is not a valid enumeration member; permitted: ${PERMIT_ACCESS_LEVELS.map((level) => `'${level}'`).join(', ')}`,
      type: 'type_error.enum',
      ctx: { enum_values: [...PERMIT_ACCESS_LEVELS] },
    });
  }
  const memberId = body['member_id'] ?? null;
  if (memberId !== null && (typeof memberId !== 'string' || !UUID_PATTERN.test(memberId))) {
    errors.push({
      loc: at('member_id'),
      msg: 'value is not a valid uuid',
      type: 'type_error.uuid',
    });
  }
  if (errors.length > count || typeof email !== 'string' || !isAccessLevel(role)) return null;
  return { email: email.trim(), role, member_id: typeof memberId === 'string' ? memberId : null };
}

/**
 * The body of `POST …/invites`: a JSON array of `InviteCreate`. Like FastAPI, any invalid item
 * fails the whole request with a 422 naming each item by its index.
 */
export async function readInviteCreates(
  c: Context,
): Promise<{ invites: InviteCreate[] } | { response: Response }> {
  const parsed = await readJson(c);
  if (!parsed.ok) {
    return {
      response: permitValidation([
        {
          loc: ['body', 0],
          msg: `Expecting value: ${parsed.error}`,
          type: 'value_error.jsondecode',
        },
      ]),
    };
  }
  if (parsed.value === undefined) {
    return {
      response: permitValidation([
        { loc: ['body'], msg: 'field required', type: 'value_error.missing' },
      ]),
    };
  }
  if (!Array.isArray(parsed.value)) {
    return {
      response: permitValidation([
        { loc: ['body'], msg: 'value is not a valid list', type: 'type_error.list' },
      ]),
    };
  }
  const errors: PermitValidationItem[] = [];
  const invites = (parsed.value as unknown[]).flatMap((item, index) => {
    const invite = checkInvite(item, index, errors);
    return invite ? [invite] : [];
  });
  return errors.length > 0 ? { response: permitValidation(errors) } : { invites };
}
