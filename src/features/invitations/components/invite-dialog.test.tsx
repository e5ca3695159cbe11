import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Capabilities } from '../../../api/capabilities';
import type { Connection } from '../../../api/connections';
import type { Organization } from '../../../api/domain';
import type { InvitationsApi, MembersApi, OrgAdminApi } from '../../../api/org-admin-api';
import { clerkCapabilities } from '../../../api/providers/clerk/capabilities';
import { numindCapabilities } from '../../../api/providers/numind/capabilities';
import { ToastProvider } from '../../../components/toast';
import { ActiveConnectionContext } from '../../../lib/connection-context';
import { InviteDialog } from './invite-dialog';

const org = { id: 'org_1', name: 'Acme', fields: {} } as unknown as Organization;
const never = () => new Promise<never>(() => undefined);

function renderDialog(
  api: Partial<OrgAdminApi>,
  emails = 'ann@acme.test',
  capabilities: Capabilities = numindCapabilities,
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const active = {
    connection: { id: 'conn-1' } as Connection,
    api: { capabilities, ...api } as OrgAdminApi,
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ActiveConnectionContext value={active}>
        <ToastProvider>{children}</ToastProvider>
      </ActiveConnectionContext>
    </QueryClientProvider>
  );
  render(<InviteDialog org={org} onClose={() => undefined} />, { wrapper });
  fireEvent.change(screen.getByLabelText('Email addresses'), {
    target: { value: emails },
  });
}

const invitations = (listAll: InvitationsApi['listAll']): InvitationsApi => ({
  list: never,
  listAll,
  create: () => Promise.resolve(null),
});
const members = (listAll: MembersApi['listAll']): MembersApi => ({ list: never, listAll });
const empty = () => Promise.resolve({ items: [], complete: true });

describe('invite dialog', () => {
  afterEach(cleanup);

  it('waits for the member and invitation lists before it lets anyone send', async () => {
    renderDialog({ members: members(never), invitations: invitations(empty) });
    expect(
      await screen.findByText('Still checking existing members and invitations…'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send 1 invitation' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('lets people send once both lists have loaded', async () => {
    renderDialog({ members: members(empty), invitations: invitations(empty) });
    const send = screen.getByRole('button', { name: 'Send 1 invitation' });
    await expect.poll(() => (send as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText('Still checking existing members and invitations…')).toBeNull();
  });

  it('sends in one bulk call where the provider has one, named after the chosen inviter', async () => {
    const invitationCaps = clerkCapabilities.people.invitations;
    if (!invitationCaps) throw new Error('Clerk keeps invitations');
    // Clerk's invitations without the required role, to leave the role picker out of this test.
    const capabilities: Capabilities = {
      ...clerkCapabilities,
      people: {
        ...clerkCapabilities.people,
        invitations: { ...invitationCaps, roles: null, roleRequired: false },
      },
    };
    const createMany = vi.fn<NonNullable<InvitationsApi['createMany']>>(() => Promise.resolve([]));
    const create = vi.fn(() => Promise.resolve(null));
    const admin = {
      userId: 'user_admin',
      membershipId: null,
      name: 'Ada Admin',
      email: 'ada@acme.test',
      imageUrl: null,
      roles: [{ key: 'org:admin', name: 'Admin' }],
      joinedAt: null,
      details: [],
    };
    const plain = {
      ...admin,
      userId: 'user_plain',
      name: 'Pat Plain',
      email: 'pat@acme.test',
      roles: [{ key: 'org:member', name: 'Member' }],
    };
    renderDialog(
      {
        members: members(() => Promise.resolve({ items: [plain, admin], complete: true })),
        invitations: { ...invitations(empty), create, createMany },
      },
      'a@acme.test, b@acme.test c@acme.test',
      capabilities,
    );
    const send = screen.getByRole('button', { name: 'Send 3 invitations' });
    await expect.poll(() => (send as HTMLButtonElement).disabled).toBe(false);
    fireEvent.mouseDown(screen.getByLabelText('Invited by'));
    const adaOption = await screen.findByRole('option', { name: 'Ada Admin (ada@acme.test)' });
    // Only admins can be named as the inviter (Clerk refuses anyone else).
    expect(screen.queryByRole('option', { name: 'Pat Plain (pat@acme.test)' })).toBeNull();
    fireEvent.click(adaOption);
    fireEvent.click(send);
    await screen.findByRole('button', { name: 'Done' });
    expect(create).not.toHaveBeenCalled();
    expect(createMany).toHaveBeenCalledTimes(1);
    const [orgId, inputs] = createMany.mock.calls[0] ?? [];
    expect(orgId).toBe('org_1');
    expect(inputs?.map((input) => [input.email, input.inviterUserId])).toEqual([
      ['a@acme.test', 'user_admin'],
      ['b@acme.test', 'user_admin'],
      ['c@acme.test', 'user_admin'],
    ]);
    const table = screen.getByRole('table', { name: 'Addresses' });
    expect(within(table).getAllByText('Invited')).toHaveLength(3);
  });
});
