import { roleAllows, type OperationMatch } from '../../src/api/operations';
import type { RequestAccess } from '../auth/access';
import { CSRF_MESSAGE, isStateChanging } from '../auth/console-auth';
import type { Refusal } from './refusal';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Step 2, authorize: the session's CSRF token on a state-changing call, then the console role
 * the operation needs. Decided on the method and path alone, before a byte of the body is read.
 */
export function authorize(
  access: RequestAccess,
  method: string,
  match: OperationMatch,
): Refusal | null {
  if (isStateChanging(method) && !access.csrfOk) {
    return { status: 403, code: 'csrf_failed', message: CSRF_MESSAGE };
  }
  if (!roleAllows(access.role, match.op.role)) {
    return {
      status: 403,
      code: 'forbidden_role',
      message: `Your role (${access.role}) cannot ${lowerFirst(match.op.summary)}: it needs the ${match.op.role} role.`,
    };
  }
  return null;
}
