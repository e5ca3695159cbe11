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

  it('drops nulls inside a new subtree, as Clerk stores it', () => {
    // There is nothing under a new key to delete, so the saved result has no `b` at all.
    expect(deepMerge({}, { a: { b: null, c: 1 } })).toEqual({ a: { c: 1 } });
    expect(JSON.stringify(deepMerge({ x: 1 }, { a: { b: null, c: { d: null, e: 2 } } }))).toBe(
      '{"x":1,"a":{"c":{"e":2}}}',
    );
    // Replacing a scalar with an object is a new subtree too.
    expect(deepMerge({ a: 1 }, { a: { b: null, c: 1 } })).toEqual({ a: { c: 1 } });
  });

  it('sees only own keys: inherited names such as constructor are ordinary keys', () => {
    expect(deepMerge({ constructor: 1, toString: 'x' }, {})).toEqual({
      constructor: 1,
      toString: 'x',
    });
    expect(deepMerge({}, { constructor: { a: 1 } })).toEqual({ constructor: { a: 1 } });
    expect(deepMerge({ keep: 1 }, { hasOwnProperty: null, valueOf: 2 })).toEqual({
      keep: 1,
      valueOf: 2,
    });
    expect(removedPaths({ keep: 1 }, { constructor: null, toString: { a: null } })).toEqual([]);
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
