import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { delegatedLinkClick } from './delegated-links';

function List({ navigate }: { readonly navigate: (href: string) => void }) {
  return (
    <table>
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- the links are the keyboard path; a row click is a mouse shortcut, as in the org list */}
      <tbody onClick={delegatedLinkClick(navigate)}>
        <tr data-href="/c/x/orgs/a">
          <td>
            <a href="/c/x/orgs/a">Acme</a>
          </td>
          <td>Created today</td>
        </tr>
        <tr>
          <td>
            <a href="https://example.com/docs">Docs</a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

describe('delegatedLinkClick', () => {
  it('opens a link in the app on a plain click, without a page load', () => {
    const navigate = vi.fn();
    render(<List navigate={navigate} />);
    const event = fireEvent.click(screen.getByRole('link', { name: 'Acme' }));
    expect(navigate).toHaveBeenCalledWith('/c/x/orgs/a');
    expect(event).toBe(false); // default prevented: the browser does not load the page
  });

  it('leaves a modified click (new tab or window) to the browser', () => {
    const navigate = vi.fn();
    render(<List navigate={navigate} />);
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
      const event = fireEvent.click(screen.getByRole('link', { name: 'Acme' }), {
        [modifier]: true,
      });
      expect(event).toBe(true);
    }
    expect(navigate).not.toHaveBeenCalled();
  });

  it('opens the row address when the row is clicked outside its link', () => {
    const navigate = vi.fn();
    render(<List navigate={navigate} />);
    fireEvent.click(screen.getByText('Created today'));
    expect(navigate).toHaveBeenCalledWith('/c/x/orgs/a');
  });

  it('leaves links to other sites alone', () => {
    const navigate = vi.fn();
    render(<List navigate={navigate} />);
    fireEvent.click(screen.getByRole('link', { name: 'Docs' }));
    expect(navigate).not.toHaveBeenCalled();
  });
});
