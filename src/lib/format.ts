/**
 * Each formatter is made on its first use, not when this module loads: making one reads the
 * locale's data (milliseconds each on a cold page), and most pages use one of the three or none.
 */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const dateFormat = once(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }));
const dateTimeFormat = once(
  () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
);
const numberFormat = once(() => new Intl.NumberFormat());

export function formatDate(iso: string | null): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat().format(time);
}

export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat().format(time);
}

export function formatNumber(value: number | null): string {
  return value === null ? '—' : numberFormat().format(value);
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}
