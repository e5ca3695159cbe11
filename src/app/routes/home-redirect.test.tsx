import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../api/connections';
import { connectionQueries } from '../../data/connections';
import { HomeRedirect } from './home-redirect';

function Landed() {
  return <p>Landed on {useParams()['connectionId']}</p>;
}

function openHome(connections: readonly Pick<Connection, 'id' | 'auth' | 'userTokenSet'>[]) {
  const client = new QueryClient();
  client.setQueryData(connectionQueries.list().queryKey, connections as Connection[]);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route path="/" element={<HomeRedirect />} />
          <Route path="/c/:connectionId/overview" element={<Landed />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('HomeRedirect', () => {
  it('passes over a user-token connection this user has given no token', () => {
    openHome([
      { id: 'numind-token', auth: 'user-token', userTokenSet: false },
      { id: 'permit', auth: 'server', userTokenSet: false },
    ]);
    expect(screen.queryByText('Landed on permit')).not.toBeNull();
  });

  it('opens a user-token connection first once its token is set', () => {
    openHome([
      { id: 'numind-token', auth: 'user-token', userTokenSet: true },
      { id: 'permit', auth: 'server', userTokenSet: false },
    ]);
    expect(screen.queryByText('Landed on numind-token')).not.toBeNull();
  });

  it('opens the first connection when none can answer yet', () => {
    openHome([
      { id: 'numind-token', auth: 'user-token', userTokenSet: false },
      { id: 'clerk-token', auth: 'user-token', userTokenSet: false },
    ]);
    expect(screen.queryByText('Landed on numind-token')).not.toBeNull();
  });
});
