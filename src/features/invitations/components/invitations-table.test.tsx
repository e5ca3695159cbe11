import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { numindCapabilities } from '../../../api/providers/numind/capabilities';
import type { Invitation } from '../../../api/people';
import { ToastProvider } from '../../../components/toast';
import { InvitationsTable } from './invitations-table';

const caps = numindCapabilities.people.invitations;

function invitation(roles: Invitation['roles']): Invitation {
  return {
    id: 'inv_1',
    email: 'ann@acme.test',
    roles,
    status: 'pending',
    invitedBy: null,
    createdAt: null,
    expiresAt: null,
    url: null,
    details: [],
  };
}

function renderTable(invitations: readonly Invitation[]) {
  if (!caps) throw new Error('NuMind keeps invitations');
  render(
    <ToastProvider>
      <InvitationsTable
        caps={caps}
        invitations={invitations}
        now={Date.now()}
        onRevoke={null}
        onResend={null}
        resending={null}
        busy={false}
      />
    </ToastProvider>,
  );
  return screen.getByRole('table', { name: 'Invitations' });
}

describe('invitations table', () => {
  afterEach(cleanup);

  it('shows the roles invitations carry even where inviting takes no role (NuMind)', () => {
    expect(caps?.roles).toBeNull();
    const table = renderTable([invitation([{ key: 'editor', name: 'Editor' }])]);
    expect(within(table).getByRole('columnheader', { name: 'Role' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Editor' })).toBeTruthy();
  });

  it('leaves the Role column out when neither the provider nor the data has roles', () => {
    const table = renderTable([invitation([])]);
    expect(within(table).queryByRole('columnheader', { name: 'Role' })).toBeNull();
  });
});
