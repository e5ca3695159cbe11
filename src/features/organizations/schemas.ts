import * as z from 'zod/mini';
import type { Capabilities, OrgFieldSpec, TextRules } from '../../api/capabilities';
import type {
  CreateOrgInput,
  JsonObject,
  JsonValue,
  Organization,
  UpdateOrgInput,
} from '../../api/domain';

/**
 * Form schemas built from a provider's declared rules, so the browser refuses what the provider
 * would refuse, with a clear message, before anything is sent.
 */

export type OrgFormMode = 'create' | 'edit';

/** What the form holds: strings and booleans, as the inputs give them. */
export interface OrgFormValues {
  name: string;
  slug: string;
  fields: Record<string, string | boolean>;
}

const URL_OR_HTML = /(https?:\/\/|www\.|<[a-z!/][^>]*>)/i;

function textRule(label: string, rules: TextRules) {
  let schema = z.string({ error: `${label} must be text.` }).check(z.trim());
  if (rules.required) schema = schema.check(z.minLength(1, `${label} is required.`));
  if (rules.maxLength !== null) {
    schema = schema.check(
      z.maxLength(rules.maxLength, `${label} can be at most ${rules.maxLength} characters.`),
    );
  }
  const pattern = rules.pattern === null ? null : new RegExp(rules.pattern);
  const patternMessage =
    rules.patternMessage ?? 'This value has characters the provider does not accept.';
  return schema.check(
    z.refine<string>(
      (value) => value === '' || pattern === null || pattern.test(value),
      patternMessage,
    ),
    z.refine<string>(
      (value) => !rules.forbidUrlsAndHtml || !URL_OR_HTML.test(value),
      `${label} may not contain links or HTML.`,
    ),
  );
}

export function fieldsFor(caps: Capabilities, mode: OrgFormMode): readonly OrgFieldSpec[] {
  return caps.fields.filter((field) => (mode === 'create' ? field.onCreate : field.onUpdate));
}

function parseJsonObject(text: string): JsonObject | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : null;
  } catch {
    return null;
  }
}

function fieldValueSchema(field: OrgFieldSpec) {
  if (field.type === 'boolean') return z.boolean({ error: `${field.label} must be on or off.` });
  const text = z.string({ error: `${field.label} must be text.` }).check(z.trim());
  const valid = (test: (value: string) => boolean, message: string) =>
    text.check(z.refine<string>((value) => value === '' || test(value), message));
  switch (field.type) {
    case 'email':
      return valid((v) => z.email().safeParse(v).success, 'Enter a valid email address.');
    case 'number':
      return valid(
        (v) =>
          /^-?\d+$/.test(v) &&
          (field.min === undefined || Number(v) >= field.min) &&
          (field.max === undefined || Number(v) <= field.max),
        field.min !== undefined
          ? `Enter a whole number of at least ${field.min}.`
          : 'Enter a whole number.',
      );
    case 'color':
      return valid((v) => /^#[0-9a-fA-F]{6}$/.test(v), 'Use a colour like #1a2b3c.');
    case 'json':
      return valid(
        (v) => parseJsonObject(v) !== null,
        'Enter a JSON object, e.g. {"region": "eu"}.',
      );
    case 'select':
      return valid(
        (v) => (field.options ?? []).some((option) => option.value === v),
        'Choose one of the options.',
      );
    case 'list':
    case 'text':
      return field.maxLength === undefined
        ? text
        : text.check(z.maxLength(field.maxLength, `At most ${field.maxLength} characters.`));
  }
}

export function makeOrgFormSchema(
  caps: Capabilities,
  mode: OrgFormMode,
  initial?: OrgFormValues,
): z.ZodMiniType<OrgFormValues, OrgFormValues> {
  const slugRules = caps.slug;
  const slugShown =
    slugRules !== null && (mode === 'create' ? slugRules.onCreate : slugRules.editable);
  // Emptying a value the provider cannot remove would silently keep the old one: say so instead.
  const slugKept = mode === 'edit' && slugRules?.clearable === false && initial?.slug !== '';
  const fieldShape: Record<string, z.ZodMiniType<string | boolean>> = {};
  for (const field of fieldsFor(caps, mode)) fieldShape[field.key] = fieldValueSchema(field);
  // The field keys are only known at run time, so the object's static type is stated here.
  return z.object({
    name: textRule('Name', caps.name),
    slug: slugShown
      ? textRule(slugRules.label, slugRules).check(
          z.refine<string>(
            (value) => !slugKept || value !== '',
            `${caps.displayName} cannot remove a ${slugRules.label.toLowerCase()}: enter a new one.`,
          ),
        )
      : z.string(),
    fields: z.object(fieldShape) as z.ZodMiniType<
      Record<string, string | boolean>,
      Record<string, string | boolean>
    >,
  });
}

/** Form value → domain value; `undefined` for an empty input (nothing to send). */
export function fieldToDomain(
  field: OrgFieldSpec,
  raw: string | boolean | undefined,
): JsonValue | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'boolean') return raw;
  const value = raw.trim();
  if (value === '') return undefined;
  switch (field.type) {
    case 'number':
      return Number(value);
    case 'json':
      return parseJsonObject(value) ?? undefined;
    case 'list':
      return value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    default:
      return value;
  }
}

/** Domain value → what the input shows. */
export function fieldToForm(field: OrgFieldSpec, value: JsonValue | undefined): string | boolean {
  if (field.type === 'boolean') return value === true;
  if (value === undefined || value === null) return '';
  if (field.type === 'json') {
    return typeof value === 'object' && Object.keys(value).length === 0
      ? ''
      : JSON.stringify(value, null, 2);
  }
  if (field.type === 'list') return Array.isArray(value) ? value.map(String).join(', ') : '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function defaultFormValues(
  caps: Capabilities,
  mode: OrgFormMode,
  org?: Organization,
): OrgFormValues {
  const fields: Record<string, string | boolean> = {};
  for (const field of fieldsFor(caps, mode))
    fields[field.key] = fieldToForm(field, org?.fields[field.key]);
  return { name: org?.name ?? '', slug: org?.slug ?? '', fields };
}

export function toCreateInput(values: OrgFormValues, caps: Capabilities): CreateOrgInput {
  const fields: Record<string, JsonValue> = {};
  for (const field of fieldsFor(caps, 'create')) {
    const value = fieldToDomain(field, values.fields[field.key]);
    if (value !== undefined) fields[field.key] = value;
  }
  const slug = values.slug.trim();
  return {
    name: values.name.trim(),
    ...(caps.slug?.onCreate && slug !== '' ? { slug } : {}),
    fields,
  };
}

/** Only what changed; a cleared input is sent as `null` so the provider can clear it. */
export function toUpdateInput(
  values: OrgFormValues,
  initial: OrgFormValues,
  caps: Capabilities,
): UpdateOrgInput {
  const fields: Record<string, JsonValue> = {};
  for (const field of fieldsFor(caps, 'edit')) {
    const now = values.fields[field.key];
    const before = initial.fields[field.key];
    if (
      typeof now === 'string' && typeof before === 'string'
        ? now.trim() === before.trim()
        : now === before
    ) {
      continue;
    }
    fields[field.key] = fieldToDomain(field, now) ?? null;
  }
  const name = values.name.trim();
  const slug = values.slug.trim();
  return {
    ...(name !== initial.name ? { name } : {}),
    ...(caps.slug?.editable && slug !== initial.slug
      ? slug !== ''
        ? { slug }
        : caps.slug.clearable
          ? { slug: null }
          : {}
      : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}
