import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CopyButton } from './copy-button';
import { ToastProvider } from './toast';

describe('CopyButton', () => {
  it('names what it copies in a tooltip, whose code arrives on the first hover or focus, and keeps the focus', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <button type="button">Before</button>
        <CopyButton value="org_1" label="organization ID" />
      </ToastProvider>,
    );
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(await screen.findByRole('tooltip')).toHaveProperty(
      'textContent',
      'Copy organization ID',
    );
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Copy organization ID' }),
    );
  });
});
