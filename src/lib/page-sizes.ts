/**
 * The "rows per page" choices for a list: the usual sizes the provider allows, plus the
 * provider's own default (Permit pages by 30), so the picker always shows the size in use.
 */
export function pageSizeChoices(
  standard: readonly number[],
  limits: { readonly defaultPageSize: number; readonly maxPageSize: number },
): number[] {
  const sizes = new Set(standard.filter((size) => size <= limits.maxPageSize));
  sizes.add(limits.defaultPageSize);
  return [...sizes].sort((a, b) => a - b);
}
