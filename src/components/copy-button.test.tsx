import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CopyButton } from './copy-button';
import { ToastProvider } from './toast';

describe('CopyButton', () => {
  it('names what it copies in a tooltip whose code comes later, never swapping the button under the focus', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <button type="button">Before</button>
        <CopyButton value="org_1" label="organization ID" />
      </ToastProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    const focused = screen.getByRole('button', { name: 'Copy organization ID' });
    expect(document.activeElement).toBe(focused);
    // The tooltip's code arrives while the button has the focus: the button stays as it is.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(document.activeElement).toBe(focused);
    expect(focused.isConnected).toBe(true);
    // Once the focus has left, the tooltip is in place for the next visit.
    await user.tab({ shift: true });
    await user.tab();
    expect(await screen.findByRole('tooltip')).toHaveProperty(
      'textContent',
      'Copy organization ID',
    );
  });
});
