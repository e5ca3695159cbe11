import { randomUUID } from 'node:crypto';

/** FastAPI-style 422 item, as Permit's v2 API (pydantic) reports them. */
export interface PermitValidationItem {
  loc: (string | number)[];
  msg: string;
  type: string;
  ctx?: Record<string, unknown>;
}

export function permitValidation(items: PermitValidationItem[]): Response {
  return Response.json({ detail: items }, { status: 422 });
}

const CODES: Record<number, { code: string; title: string }> = {
  400: { code: 'INVALID_INPUT', title: 'Invalid input' },
  401: { code: 'UNAUTHORIZED', title: 'Unauthorized' },
  403: { code: 'FORBIDDEN_ACCESS', title: 'Forbidden access' },
  404: { code: 'NOT_FOUND', title: 'The requested data was not found' },
  409: { code: 'DUPLICATE_ENTITY', title: 'Duplicate entity' },
  429: { code: 'TOO_MANY_REQUESTS', title: 'Too many requests' },
};

/** Permit's `ErrorDetails` body for every non-422 error. */
export function permitError(status: number, message: string, headers?: HeadersInit): Response {
  const known = CODES[status] ?? { code: 'UNEXPECTED_ERROR', title: 'Unexpected error' };
  return Response.json(
    {
      id: randomUUID().replace(/-/g, ''),
      title: known.title,
      error_code: known.code,
      message,
      support_link: 'https://docs.permit.io',
    },
    { status, ...(headers ? { headers } : {}) },
  );
}
