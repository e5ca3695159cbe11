import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PERMIT_ROLES } from '../api/providers/permit/map';
import { RolePicker } from './role-picker';

function openPicker(defaultRole?: string | null) {
  render(
    <RolePicker
      roles={PERMIT_ROLES}
      value={[]}
      multiple={false}
      onChange={() => undefined}
      {...(defaultRole === undefined ? {} : { defaultRole })}
    />,
  );
  fireEvent.mouseDown(screen.getByRole('combobox'));
}

describe('role picker', () => {
  afterEach(cleanup);

  it('names the provider’s default role in the empty choice, by its catalogue name', () => {
    openPicker('admin');
    expect(screen.getByRole('option', { name: 'Provider default (Admin)' })).toBeTruthy();
  });

  it('says only “Provider default” where the default role is unknown', () => {
    openPicker(null);
    expect(screen.getByRole('option', { name: 'Provider default' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Provider default \(/ })).toBeNull();
  });

  it('shows the default role in the closed picker while nothing is chosen', () => {
    render(
      <RolePicker
        roles={PERMIT_ROLES}
        value={[]}
        multiple={false}
        onChange={() => undefined}
        defaultRole="admin"
      />,
    );
    expect(screen.getByRole('combobox').textContent).toBe('Provider default (Admin)');
  });
});
