import { ApiError, defaultMessage, kindForStatus } from './errors';
import { buildPath, type OperationSpec } from './operations';

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type FormValue = string | number | boolean | null | undefined | readonly string[];

export type RequestBody =
  | { readonly json: unknown }
  | { readonly form: Readonly<Record<string, FormValue>> }
  | { readonly multipart: FormData };

export interface CallOptions {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: RequestBody;
  readonly signal?: AbortSignal | undefined;
  readonly headers?: Readonly<Record<string, string>>;
  /** Upload progress (bytes sent, bytes in all), where the browser can report it. */
  readonly onUploadProgress?: ((sent: number, total: number) => void) | undefined;
}

/** A successful (2xx) provider response, body already read. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body, or `undefined` when the body was empty or not JSON. */
  readonly json: unknown;
}

export type ProviderErrorParser = (response: RawResponse) => ApiError;

export interface HttpClientOptions {
  /** Where vendor paths are appended: the gateway's upstream URL or, in tests, the sandbox. */
  readonly baseUrl: string;
  readonly parseError: ProviderErrorParser;
  readonly fetch?: typeof fetch;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** The console session's CSRF token, sent on every state-changing call (the gateway wants it). */
  readonly csrfToken?: () => string | null;
  /** Called once when the gateway refuses the token (a restart ended the session); the call is then retried. */
  readonly refreshCsrfToken?: () => Promise<void>;
}

export interface HttpClient {
  call(op: OperationSpec, options?: CallOptions): Promise<RawResponse>;
}

/** Header the gateway sets on answers it produced itself (refusals, upstream failures). */
export const GATEWAY_HEADER = 'x-orgdeck-gateway';
/** On every audited (state-changing) call: the id of the audit entry the gateway wrote for it. */
export const AUDIT_ID_HEADER = 'x-orgdeck-audit-id';

export function toSearchParams(query: Readonly<Record<string, QueryValue>>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) search.append(key, item);
    } else {
      search.append(key, String(value));
    }
  }
  return search;
}

function encodeBody(body: RequestBody | undefined): { body?: BodyInit; contentType?: string } {
  if (body === undefined) return {};
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body) {
    return {
      body: toSearchParams(body.form).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  return { body: body.multipart };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function gatewayError(response: RawResponse): ApiError {
  const body = response.json as { error?: { code?: unknown; message?: unknown } } | undefined;
  const message = typeof body?.error?.message === 'string' ? body.error.message : null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : null;
  const kind = code === 'unknown_operation' ? 'unsupported' : kindForStatus(response.status);
  return new ApiError({
    kind,
    status: response.status,
    code,
    message: message ?? defaultMessage(kind),
  });
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  const client: HttpClient = {
    async call(op, callOptions = {}) {
      try {
        return await send(op, callOptions);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'csrf_failed' && options.refreshCsrfToken) {
          await options.refreshCsrfToken();
          return send(op, callOptions);
        }
        throw error;
      }
    },
  };
  return client;

  async function send(op: OperationSpec, callOptions: CallOptions): Promise<RawResponse> {
    {
      const path = buildPath(op, callOptions.params);
      const search = callOptions.query ? toSearchParams(callOptions.query).toString() : '';
      const url = `${base}${path}${search === '' ? '' : `?${search}`}`;
      const { body, contentType } = encodeBody(callOptions.body);
      const headers = new Headers({ accept: 'application/json', ...options.headers });
      for (const [name, value] of Object.entries(callOptions.headers ?? {}))
        headers.set(name, value);
      if (contentType) headers.set('content-type', contentType);
      const csrf = op.method === 'GET' ? null : (options.csrfToken?.() ?? null);
      if (csrf) headers.set('x-csrf-token', csrf);

      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;

      let response: Response;
      try {
        const init: RequestInit = {
          method: op.method,
          headers,
          signal,
          ...(body === undefined ? {} : { body }),
        };
        response =
          callOptions.onUploadProgress && typeof XMLHttpRequest !== 'undefined' && !options.fetch
            ? await xhrFetch(url, init, callOptions.onUploadProgress)
            : await doFetch(url, init);
      } catch (cause) {
        if (callOptions.signal?.aborted) {
          throw new ApiError({ kind: 'aborted', message: defaultMessage('aborted'), cause });
        }
        const timedOut = timeout.aborted;
        throw new ApiError({
          kind: 'unavailable',
          message: timedOut
            ? `The provider did not answer within ${Math.round(timeoutMs / 1000)} s.`
            : 'The provider could not be reached.',
          cause,
        });
      }

      const text = await response.text();
      const raw: RawResponse = {
        status: response.status,
        headers: response.headers,
        text,
        json: parseJson(text),
      };
      if (response.ok) return raw;
      if (response.headers.has(GATEWAY_HEADER)) throw gatewayError(raw);
      throw options.parseError(raw);
    }
  }
}

/**
 * fetch() cannot report upload progress; XMLHttpRequest can. Same request, same Response back,
 * used only when a caller asks for progress (logo uploads).
 */
function xhrFetch(
  url: string,
  init: RequestInit,
  onProgress: (sent: number, total: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method ?? 'GET', url);
    xhr.responseType = 'arraybuffer';
    new Headers(init.headers).forEach((value, name) => {
      xhr.setRequestHeader(name, value);
    });
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const index = line.indexOf(':');
        if (index > 0) headers.append(line.slice(0, index).trim(), line.slice(index + 1).trim());
      }
      const status = xhr.status;
      const empty = status === 204 || status === 304;
      resolve(new Response(empty ? null : (xhr.response as ArrayBuffer), { status, headers }));
    };
    xhr.onerror = () => {
      reject(new TypeError('Network request failed'));
    };
    xhr.onabort = () => {
      reject(new DOMException('Aborted', 'AbortError'));
    };
    init.signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}
