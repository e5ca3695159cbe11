import type { JsonObject } from '../../../../src/api/domain';
import { clerkIssue, paramError, type ClerkErrorItem } from './errors';
import { isJsonObject } from './metadata';
import type { ClerkOrgRecord } from './state';

/** Clerk's organization rules (spec descriptions of `CreateOrganization`/`UpdateOrganization`). */

export const NAME_MAX_LENGTH = 256;

/**
 * Clerk's documented metadata limit: each metadata object may hold at most 8 KB (its docs on
 * metadata: "can store up to 8KB"), measured here as the UTF-8 bytes of its JSON.
 */
export const METADATA_MAX_BYTES = 8 * 1024;

export function metadataBytes(value: JsonObject): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Choice: Clerk's code for a value over its size limit; the status is the 422 these endpoints
 * list for invalid parameters.
 */
export function metadataTooLarge(param: string): ClerkErrorItem {
  return paramError(
    'form_param_exceeds_allowed_size',
    param,
    'exceeds the maximum allowed size',
    `${param} exceeds the maximum allowed size of ${METADATA_MAX_BYTES} bytes.`,
  );
}
const SLUG_PATTERN = /^[a-z0-9-]+$/;
const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/i;
const HTML_PATTERN = /<\/?[a-z!][^>]*>/i;

export function slugTaken(
  orgs: readonly ClerkOrgRecord[],
  slug: string,
  exceptId?: string,
): boolean {
  return orgs.some((org) => org.slug === slug && org.id !== exceptId);
}

/**
 * Reads and checks the fields of a request body, collecting every problem so the answer lists
 * them all at once, as Clerk does. `null` means "not set" for the nullable fields.
 */
export class BodyCheck {
  readonly issues: ClerkErrorItem[] = [];

  constructor(private readonly body: Readonly<Record<string, unknown>>) {}

  get ok(): boolean {
    return this.issues.length === 0;
  }

  has(param: string): boolean {
    return this.body[param] !== undefined && this.body[param] !== null;
  }

  /** Refuses parameters the endpoint does not take (`additionalProperties: false`). */
  onlyAllowed(allowed: readonly string[]): void {
    for (const param of Object.keys(this.body)) {
      if (!allowed.includes(param)) this.issues.push(clerkIssue.unknown(param));
    }
  }

  private string(param: string): string | undefined {
    const value = this.body[param];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.issues.push(clerkIssue.invalid(param, `${param} must be a string.`));
    return undefined;
  }

  name(required: boolean): string | undefined {
    const raw = this.string('name');
    const name = raw?.trim();
    if (name === undefined || name === '') {
      if (required || raw !== undefined) this.issues.push(clerkIssue.missing('name'));
      return undefined;
    }
    if (name.length > NAME_MAX_LENGTH) {
      this.issues.push(
        clerkIssue.invalid('name', `name must be at most ${NAME_MAX_LENGTH} characters long.`),
      );
    } else if (URL_PATTERN.test(name) || HTML_PATTERN.test(name)) {
      this.issues.push(clerkIssue.invalid('name', 'name may not contain URLs or HTML.'));
    }
    return name;
  }

  /** A slug to store, `''` when the field was sent empty, `undefined` when not sent. */
  slug(): string | undefined {
    const slug = this.string('slug');
    if (slug === undefined || slug === '') return slug;
    if (!SLUG_PATTERN.test(slug)) {
      this.issues.push(
        clerkIssue.invalid(
          'slug',
          'slug can contain only lowercase alphanumeric characters and the dash "-".',
        ),
      );
    } else if (slug.length > NAME_MAX_LENGTH) {
      this.issues.push(
        clerkIssue.invalid('slug', `slug must be at most ${NAME_MAX_LENGTH} characters long.`),
      );
    }
    return slug;
  }

  nonNegativeInteger(param: string): number | undefined {
    const value = this.body[param];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.issues.push(
      clerkIssue.invalid(param, `${param} must be an integer greater than or equal to 0.`),
    );
    return undefined;
  }

  boolean(param: string): boolean | undefined {
    const value = this.body[param];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.issues.push(clerkIssue.invalid(param, `${param} must be a boolean.`));
    return undefined;
  }

  text(param: string): string | undefined {
    return this.string(param);
  }

  /** An RFC 3339 time as epoch ms. */
  timestamp(param: string): number | undefined {
    const value = this.string(param);
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(ms)) return ms;
    this.issues.push(
      clerkIssue.invalid(param, `${param} must be a date and time in RFC 3339 format.`),
    );
    return undefined;
  }

  /** A metadata object; `nullable` fields accept `null` (which then means "not set"). */
  metadata(param: string, nullable: boolean): JsonObject | undefined {
    const value = this.body[param];
    if (value === undefined || (value === null && nullable)) return undefined;
    if (isJsonObject(value)) {
      if (metadataBytes(value) <= METADATA_MAX_BYTES) return value;
      this.issues.push(metadataTooLarge(param));
      return undefined;
    }
    this.issues.push(clerkIssue.invalid(param, `${param} must be an object.`));
    return undefined;
  }
}

/** Query-string integer within bounds (`limit`, `offset`). */
export function queryInteger(
  raw: string | undefined,
  param: string,
  fallback: number,
  min: number,
  max: number | null,
  issues: ClerkErrorItem[],
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const inRange = Number.isInteger(value) && value >= min && (max === null || value <= max);
  if (/^-?\d+$/.test(raw.trim()) && inRange) return value;
  const range = max === null ? `greater than or equal to ${min}` : `between ${min} and ${max}`;
  issues.push(clerkIssue.invalid(param, `${param} must be an integer ${range}.`));
  return fallback;
}

/** Query-string boolean, as Go's `strconv.ParseBool` reads it. */
export function queryBoolean(
  raw: string | undefined,
  param: string,
  issues: ClerkErrorItem[],
): boolean {
  if (raw === undefined || raw === '') return false;
  if (['1', 't', 'true'].includes(raw.toLowerCase())) return true;
  if (['0', 'f', 'false'].includes(raw.toLowerCase())) return false;
  issues.push(clerkIssue.invalid(param, `${param} must be true or false.`));
  return false;
}
