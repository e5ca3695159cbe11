import { ApiError } from '../../errors';
import type { AddMemberInput, InviteInput } from '../../people';
import type {
  ClerkFrontendAddMemberForm,
  ClerkFrontendBulkInviteForm,
  ClerkFrontendInviteForm,
} from './people-wire';

/** Frontend API specifics: its two list shapes and its form bodies. */

/** Items of either `oneOf` branch, and the total where the paginated branch carries one. */
export function listItems<T>(response: { data: T[]; total_count?: number | undefined } | T[]): {
  items: T[];
  total: number | null;
} {
  return Array.isArray(response)
    ? { items: response, total: null }
    : { items: response.data, total: response.total_count ?? null };
}

export function fromAddMemberInput(input: AddMemberInput): ClerkFrontendAddMemberForm {
  const role = input.roles[0];
  return { user_id: input.userId, ...(role === undefined ? {} : { role }) };
}

/** The Frontend API takes no expiry: invitations last Clerk's default 30 days. */
/**
 * The bulk form: repeated `email_address`, one `role` and `notify` for all of them (the Frontend
 * API takes no per-address role), so inputs that differ in those are refused before sending.
 */
export function fromBulkInviteInput(inputs: readonly InviteInput[]): ClerkFrontendBulkInviteForm {
  const forms = inputs.map(fromInviteInput);
  const [first] = forms;
  if (!first || forms.some((form) => form.role !== first.role || form.notify !== first.notify)) {
    throw new ApiError({
      kind: 'validation',
      message: 'The Frontend API invites several people at once only with the same role.',
      fieldErrors: { roles: 'Give everyone the same role, or invite them one by one.' },
    });
  }
  return {
    email_address: forms.map((form) => form.email_address),
    ...(first.role === undefined ? {} : { role: first.role }),
    ...(first.notify === undefined ? {} : { notify: first.notify }),
  };
}

export function fromInviteInput(input: InviteInput): ClerkFrontendInviteForm {
  const role = input.roles[0];
  return {
    email_address: input.email.trim(),
    ...(role === undefined ? {} : { role }),
    ...(input.sendEmail === undefined ? {} : { notify: input.sendEmail }),
  };
}
