/**
 * Clerk's metadata merge lives in src/lib/json-merge.ts (pure TypeScript), so the console's merge
 * preview and what the sandbox stores can never differ.
 */
export { deepMerge, isJsonObject } from '../../../../src/lib/json-merge';
