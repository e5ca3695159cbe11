/**
 * Code a page loads on intent (a hover, a focus, a press) or when it is next idle, never with the
 * page: `load()` starts the import once and every caller shares it; `current()` is what it gave,
 * once it has arrived, so a component mounted later renders the real thing at once.
 */
export function loadableOnce<T>(load: () => Promise<T>): {
  readonly load: () => Promise<T>;
  readonly current: () => T | null;
} {
  let loaded: { value: T } | null = null;
  let loading: Promise<T> | null = null;
  return {
    load: () =>
      (loading ??= load().then((value) => {
        loaded = { value };
        return value;
      })),
    current: () => loaded?.value ?? null,
  };
}

/** Runs `run` when the browser is next idle (within 3 s at most); returns the cancel. */
export function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(run, { timeout: 3000 });
    return () => {
      window.cancelIdleCallback(handle);
    };
  }
  const handle = setTimeout(run, 200);
  return () => {
    clearTimeout(handle);
  };
}
