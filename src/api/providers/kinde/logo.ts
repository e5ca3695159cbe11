import type { HttpClient } from '../../http-client';
import type { LogoApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { kindeOperations as ops } from './operations';
import { KindeSuccessWire } from './wire';

/**
 * An org's light and dark logos (`/api/v1/organizations/{org_code}/logos/{type}`). Kinde answers
 * an upload with `{code, message}` only, so `upload` returns null and the caller re-reads the org.
 */
export function createKindeLogo(http: HttpClient): LogoApi {
  return {
    async upload(orgId, file, fileName, { signal, variant = 'light', onUploadProgress } = {}) {
      const form = new FormData();
      form.append('logo', file, fileName);
      const raw = await http.call(ops.addOrganizationLogo, {
        params: { org_code: orgId, type: variant },
        body: { multipart: form },
        signal,
        onUploadProgress,
      });
      parseWire(KindeSuccessWire, raw.json, 'logo upload result');
      return null;
    },

    async remove(orgId, { signal, variant = 'light' } = {}) {
      const raw = await http.call(ops.deleteOrganizationLogo, {
        params: { org_code: orgId, type: variant },
        signal,
      });
      // 204 with no body when there was no logo to delete.
      if (raw.status !== 204) parseWire(KindeSuccessWire, raw.json, 'logo removal result');
    },
  };
}
