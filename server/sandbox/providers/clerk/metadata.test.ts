import { describe, expect, it } from 'vitest';
import { deepMerge } from './metadata';

describe('deepMerge (Clerk metadata merge)', () => {
  it('gives the documented result: nested objects merge, null removes', () => {
    const stored = { a: { x: 1, y: 2 }, b: 1 };
    expect(deepMerge(stored, { a: { y: null, z: 3 } })).toEqual({ a: { x: 1, z: 3 }, b: 1 });
    expect(stored).toEqual({ a: { x: 1, y: 2 }, b: 1 });
  });

  it('removes top-level keys with null and leaves omitted keys alone', () => {
    expect(deepMerge({ plan: 'pro', region: 'eu' }, { plan: null })).toEqual({ region: 'eu' });
  });

  it('replaces arrays and scalars, and an object with a scalar', () => {
    expect(
      deepMerge({ tags: ['a', 'b'], n: 1, o: { k: 1 } }, { tags: ['c'], n: { deep: true }, o: 2 }),
    ).toEqual({
      tags: ['c'],
      n: { deep: true },
      o: 2,
    });
  });

  it('drops nulls inside a newly added object', () => {
    expect(deepMerge({}, { crm: { id: 7, old: null } })).toEqual({ crm: { id: 7 } });
  });

  it('never stores a __proto__ key', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<
      string,
      number
    >;
    const merged = deepMerge({}, patch);
    expect(merged).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});
