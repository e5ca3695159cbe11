import { expect, type Page, type Response } from '@playwright/test';
import type { AuditOutcome } from '../src/api/audit';
import { AUDIT_ID_HEADER } from '../src/api/http-client';
import { matchOperation } from '../src/api/operations';
import { providerCatalog } from '../src/api/providers/catalog';
import type { ProviderKind } from '../src/api/domain';

/** A state-changing provider call the browser made through the gateway, and what the log says. */
interface ObservedMutation {
  readonly call: string;
  readonly operationId: string;
  readonly connectionId: string;
  readonly status: number;
  /** Who the console said was signed in when the call returned; null when nobody was. */
  readonly actorId: string | null;
  readonly auditId: string | null;
  readonly entry: AuditEntryView | null;
}

interface AuditEntryView {
  readonly id: string;
  readonly actor: { readonly id: string };
  readonly connectionId: string;
  readonly operationId: string;
  readonly outcome: AuditOutcome;
  readonly status: number;
  readonly error?: string | null;
}

const UPSTREAM = /^\/api\/connections\/([^/]+)\/upstream(\/.*)$/;

function isProvider(id: string): id is ProviderKind {
  return Object.hasOwn(providerCatalog, id);
}

/**
 * Watches every state-changing call a test's page sends through the gateway and, at the end of the
 * test, checks that each one is in the audit log with the right actor, operation and outcome.
 * The gateway names the entry it wrote in a response header; the entry is read back at once, while
 * the page's session (which may be signed out later in the test) can still read the log.
 */
export class AuditTrailWatch {
  private readonly pending: Promise<ObservedMutation>[] = [];

  constructor(private readonly page: Page) {
    page.on('response', (response) => {
      const observed = this.observe(response);
      if (observed) this.pending.push(observed);
    });
  }

  private observe(response: Response): Promise<ObservedMutation> | null {
    const request = response.request();
    if (request.method() === 'GET' || request.method() === 'HEAD') return null;
    const url = new URL(request.url());
    const parts = UPSTREAM.exec(url.pathname);
    if (!parts) return null;
    const connectionId = decodeURIComponent(parts[1] ?? '');
    if (!isProvider(connectionId)) return null;
    const match = matchOperation(
      providerCatalog[connectionId].operations,
      request.method(),
      parts[2] ?? '/',
    );
    if (!match?.op.mutates) return null;
    return (async () => {
      const auditId = await response.headerValue(AUDIT_ID_HEADER);
      const session = (await (await this.page.request.get('/api/session')).json()) as {
        user: { id: string } | null;
      };
      let entry: AuditEntryView | null = null;
      if (auditId !== null) {
        const log = await this.page.request.get(`/api/audit?id=${encodeURIComponent(auditId)}`);
        if (log.ok()) entry = ((await log.json()) as { items: AuditEntryView[] }).items[0] ?? null;
      }
      return {
        call: `${request.method()} ${url.pathname}`,
        operationId: match.id,
        connectionId,
        status: response.status(),
        actorId: session.user?.id ?? null,
        auditId,
        entry,
      };
    })();
  }

  /** Every mutation seen so far is in the audit log as it happened. */
  async assertAllAudited(): Promise<void> {
    for (const seen of await Promise.all(this.pending)) {
      const where = `audit entry for ${seen.call} (${String(seen.status)})`;
      expect(seen.auditId, `${where}: the gateway names it`).not.toBeNull();
      expect(seen.entry, `${where}: it can be read back`).not.toBeNull();
      expect(seen.entry?.actor.id, `${where}: actor`).toBe(seen.actorId ?? 'anonymous');
      expect(seen.entry?.connectionId, `${where}: connection`).toBe(seen.connectionId);
      expect(seen.entry?.operationId, `${where}: operation`).toBe(seen.operationId);
      expect(seen.entry?.status, `${where}: status`).toBe(seen.status);
      const ok = seen.status >= 200 && seen.status < 300;
      if (ok && seen.entry?.outcome !== 'success') {
        // A bulk call the provider accepted with some (or all) items not done names them.
        expect(seen.entry?.outcome, `${where}: outcome`).toMatch(/^(partial|failure)$/);
        expect(seen.entry?.error, `${where}: what was not done`).toBeTruthy();
      } else if (!ok) {
        expect(seen.entry?.outcome, `${where}: outcome`).not.toBe('success');
        expect(seen.entry?.outcome, `${where}: outcome`).not.toBe('partial');
      }
    }
  }
}
