import { describe, expect, it, vi } from 'vitest';
import { loadableOnce } from './load-on-intent';

describe('loadableOnce', () => {
  it('imports once for every caller and remembers what arrived', async () => {
    const load = vi.fn(() => Promise.resolve('menu code'));
    const menu = loadableOnce(load);
    expect(menu.current()).toBeNull();
    const [first, second] = await Promise.all([menu.load(), menu.load()]);
    expect([first, second]).toEqual(['menu code', 'menu code']);
    expect(menu.current()).toBe('menu code');
    await menu.load();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('has nothing to show while its import has failed', async () => {
    const menu = loadableOnce(() => Promise.reject(new Error('chunk missing')));
    await expect(menu.load()).rejects.toThrow('chunk missing');
    expect(menu.current()).toBeNull();
  });
});
