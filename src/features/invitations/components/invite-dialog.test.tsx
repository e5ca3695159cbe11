import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../api/connections';
import type { Organization } from '../../../api/domain';
import type { InvitationsApi, MembersApi, OrgAdminApi } from '../../../api/org-admin-api';
import { numindCapabilities } from '../../../api/providers/numind/capabilities';
import { ToastProvider } from '../../../components/toast';
import { ActiveConnectionContext } from '../../../lib/connection-context';
import { InviteDialog } from './invite-dialog';

const org = { id: 'org_1', name: 'Acme' } as Organization;
const never = () => new Promise<never>(() => undefined);

function renderDialog(api: Partial<OrgAdminApi>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const active = {
    connection: { id: 'conn-1' } as Connection,
    api: { capabilities: numindCapabilities, ...api } as OrgAdminApi,
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
    target: { value: 'ann@acme.test' },
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
});
