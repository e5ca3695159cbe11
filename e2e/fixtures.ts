import { test as base, expect } from '@playwright/test';
import type { OrgAdminApi } from '../src/api/org-admin-api';
import { loadAdapter } from '../src/api/adapters';
import { providerCatalog } from '../src/api/providers/catalog';
import type { Capabilities } from '../src/api/capabilities';
import type { ProviderKind } from '../src/api/domain';
import { AuditTrailWatch } from './audit-trail';
import { createOrg } from './data';
import { AccessibilityWalk } from './pages/accessibility-walk';
import { OrgDetailPage } from './pages/org-detail.page';
import { OrgListPage } from './pages/org-list.page';

export interface ConnectionOption {
  /** The sandbox connection a project runs against (also its provider kind). */
  readonly connectionId: ProviderKind;
}

interface Fixtures {
  readonly caps: Capabilities;
  /** The provider's adapter, through the gateway: tests seed their own data with it. */
  readonly api: OrgAdminApi;
  readonly orgList: OrgListPage;
  readonly orgDetail: OrgDetailPage;
  /** A short random token, so each test's data is its own. */
  readonly unique: string;
  /**
   * The common preamble: skips the test with `reason` when `skip` holds (a capability the
   * provider lacks), else creates the org the test works on (`E2E <label> <unique>`).
   */
  readonly orgUnless: (
    skip: boolean,
    reason: string,
    label: string,
  ) => Promise<{ id: string; name: string }>;
  /** The axe walk over this project's connection (both colour schemes). */
  readonly walk: AccessibilityWalk;
  /**
   * Automatic: every state-changing call the page makes through the gateway must be in the audit
   * log with the right actor, operation, status and outcome (checked when the test ends).
   */
  readonly auditTrail: AuditTrailWatch;
}

export const test = base.extend<Fixtures & ConnectionOption>({
  connectionId: ['permit', { option: true }],
  caps: async ({ connectionId }, use) => {
    await use(providerCatalog[connectionId].capabilities);
  },
  api: async ({ connectionId, baseURL }, use) => {
    const session = await consoleSession(baseURL ?? '');
    await use(
      await loadAdapter(connectionId, {
        baseUrl: `${baseURL ?? ''}/api/connections/${connectionId}/upstream`,
        headers: session.headers,
        csrfToken: () => session.csrfToken,
      }),
    );
  },
  orgList: async ({ page, connectionId, caps }, use) => {
    await use(new OrgListPage(page, connectionId, caps));
  },
  orgDetail: async ({ page, caps }, use) => {
    await use(new OrgDetailPage(page, caps));
  },
  unique: async ({}, use) => {
    await use(Math.random().toString(36).slice(2, 8));
  },
  orgUnless: async ({ api, unique }, use) => {
    await use(async (skip, reason, label) => {
      base.skip(skip, reason);
      return createOrg(api, label, unique);
    });
  },
  walk: async ({ page, caps, connectionId, unique, orgList, orgDetail }, use) => {
    await use(new AccessibilityWalk(page, caps, connectionId, unique, orgList, orgDetail));
  },
  auditTrail: [
    async ({ page }, use) => {
      const watch = new AuditTrailWatch(page);
      await use(watch);
      await watch.assertAllAudited();
    },
    { auto: true },
  ],
});

export { expect };

/** Asks the sandbox to fail the next matching call (a status in the vendor's own envelope). */
export async function injectFault(
  baseURL: string,
  fault: {
    vendor: string;
    method: string;
    path: string;
    status: number;
    times?: number;
    /** The error message in the vendor's envelope. */
    message?: string;
    /** For a 429: the seconds the vendor's retry header asks to wait. */
    retryAfterSeconds?: number;
  },
): Promise<void> {
  const response = await fetch(`${baseURL}/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ times: 1, ...fault }),
  });
  if (!response.ok) throw new Error(`The sandbox refused the fault: ${await response.text()}`);
}

/**
 * A console session for data set-up through the gateway (as the browser has one): its cookie and
 * CSRF token. Under the default optional sign-in the anonymous session may do everything.
 */
export async function consoleSession(
  baseURL: string,
): Promise<{ headers: Record<string, string>; csrfToken: string | null }> {
  const response = await fetch(`${baseURL}/api/session`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return { headers: {}, csrfToken: null };
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
  const body = (await response.json()) as { csrfToken?: string };
  return {
    headers: cookies.length > 0 ? { cookie: cookies.join('; ') } : {},
    csrfToken: body.csrfToken ?? null,
  };
}
