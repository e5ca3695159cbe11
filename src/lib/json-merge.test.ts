import { describe, expect, it } from 'vitest';
import { deepMerge, parseJsonObject, removedPaths } from './json-merge';

describe('metadata deep merge', () => {
  it('merges nested objects and removes keys set to null (Clerk’s documented example)', () => {
    expect(deepMerge({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: null, z: 3 } })).toEqual({
      a: { x: 1, z: 3 },
      b: 1,
    });
  });

  it('replaces arrays and scalars instead of merging them', () => {
    expect(deepMerge({ tags: ['a'], n: 1 }, { tags: ['b'], n: { deep: true } })).toEqual({
      tags: ['b'],
      n: { deep: true },
    });
  });

  it('does not change its inputs', () => {
    const target = { a: { x: 1 } };
    deepMerge(target, { a: { x: null } });
    expect(target).toEqual({ a: { x: 1 } });
  });

  it('lists the existing keys a patch removes', () => {
    expect(removedPaths({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: null }, b: null, c: null })).toEqual(
      ['a.y', 'b'],
    );
  });

  it('accepts only JSON objects', () => {
    expect(parseJsonObject('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonObject('[1]').ok).toBe(false);
    expect(parseJsonObject('{oops').ok).toBe(false);
    expect(parseJsonObject('  ')).toEqual({ ok: true, value: {} });
  });
});
