import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../api/connection-index';
import type { Connection } from '../../../api/connections';
import type { OrgAdminApi } from '../../../api/org-admin-api';
import { clerkCapabilities } from '../../../api/providers/clerk/capabilities';
import { kindeCapabilities } from '../../../api/providers/kinde/capabilities';
import { ToastProvider } from '../../../components/toast';
import { connectionQueries } from '../../../data/connections';
import { PersonPage } from './person-page';

const kinde: Connection = {
  id: 'kinde',
  label: 'Kinde (sandbox)',
  provider: 'kinde',
  sandbox: true,
  capabilities: kindeCapabilities,
  auth: 'server',
  userTokenSet: false,
};
const clerk: Connection = {
  ...kinde,
  id: 'clerk',
  label: 'Clerk (sandbox)',
  provider: 'clerk',
  capabilities: clerkCapabilities,
};

const jane: Person = {
  email: 'jane@acme.test',
  name: 'Jane Roe',
  connections: [
    {
      connectionId: 'kinde',
      label: 'Kinde (sandbox)',
      syncedAt: new Date().toISOString(),
      memberships: [
        { orgId: 'org_a', orgName: 'Acme', userId: 'kp_jane', roles: ['admin'] },
        { orgId: 'org_b', orgName: 'Beta', userId: 'kp_jane', roles: [] },
      ],
      invitations: [],
    },
    {
      connectionId: 'clerk',
      label: 'Clerk (sandbox)',
      syncedAt: new Date().toISOString(),
      memberships: [
        { orgId: 'org_g', orgName: 'Gamma', userId: 'user_jane', roles: ['org:member'] },
      ],
      invitations: [
        {
          orgId: 'org_d',
          orgName: 'Delta',
          invitationId: 'orginv_1',
          role: 'org:member',
          status: 'pending',
          createdAt: '2026-12-01T10:00:00Z',
        },
      ],
    },
  ],
};

function stubServer(person: Person | null) {
  const requests: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string) => {
      requests.push(input);
      if (input === '/api/connections')
        return Promise.resolve(new Response(JSON.stringify([kinde, clerk])));
      if (input.startsWith('/api/people/'))
        return Promise.resolve(
          person
            ? new Response(JSON.stringify(person))
            : new Response(JSON.stringify({ error: { message: 'unknown' } }), { status: 404 }),
        );
      return Promise.resolve(new Response('{}', { status: 404 }));
    }),
  );
  return requests;
}

function renderPage(email: string, adapters: Record<string, Partial<OrgAdminApi>> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const connection of [kinde, clerk]) {
    const adapter = adapters[connection.id];
    if (adapter)
      queryClient.setQueryData(
        connectionQueries.adapter(connection.id, connection).queryKey,
        adapter as OrgAdminApi,
      );
  }
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter>
          <PersonPage email={email} />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// MUI tables render slowly in jsdom on a busy machine; the assertions, not the clock, are the test.
describe('person page', { timeout: 30_000 }, () => {
  it('lists every membership on every connection, with roles, and the pending invitation', async () => {
    stubServer(jane);
    renderPage('jane@acme.test');
    expect(await screen.findByRole('heading', { name: 'Jane Roe (jane@acme.test)' })).toBeTruthy();
    expect(
      screen.getByText(/Member of 3 organizations, 1 pending invitation, on 2 connections/),
    ).toBeTruthy();
    const onKinde = screen.getByRole('table', { name: 'Memberships on Kinde (sandbox)' });
    expect(within(onKinde).getByRole('link', { name: 'Acme' })).toBeTruthy();
    expect(within(onKinde).getByRole('link', { name: 'Beta' })).toBeTruthy();
    expect(within(onKinde).getByText('admin')).toBeTruthy();
    const onClerk = screen.getByRole('table', { name: 'Memberships on Clerk (sandbox)' });
    expect(within(onClerk).getByRole('link', { name: 'Gamma' })).toBeTruthy();
    const invited = screen.getByRole('table', { name: 'Pending invitations on Clerk (sandbox)' });
    expect(within(invited).getByRole('link', { name: 'Delta' })).toBeTruthy();
  });

  it('removes them from one org through that connection’s adapter after asking', async () => {
    stubServer(jane);
    const remove = vi.fn(() => Promise.resolve());
    renderPage('jane@acme.test', { clerk: { members: { remove } as never } });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Remove jane@acme.test from Gamma' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Remove jane@acme.test from Gamma?' });
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove from Gamma' }));
    expect(remove).toHaveBeenCalledWith('org_g', 'user_jane');
    expect(await screen.findByText('jane@acme.test was removed from Gamma.')).toBeTruthy();
  });

  it('says what to do when no connection knows the address', async () => {
    stubServer(null);
    renderPage('nobody@acme.test');
    expect(await screen.findByText('No connection knows nobody@acme.test')).toBeTruthy();
  });
});
