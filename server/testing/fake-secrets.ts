/**
 * A Clerk-shaped secret key for tests, put together at run time so that no file holds a string
 * that looks like a real key (secret scanners rightly flag those).
 */
export function fakeClerkKey(mode: 'live' | 'test', rest: string): string {
  return `sk_${mode}_${rest}`;
}
