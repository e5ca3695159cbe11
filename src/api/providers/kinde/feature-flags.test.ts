import { describe, expect, it } from 'vitest';
import environmentFlags from './__fixtures__/environment-feature-flags.json';
import organizationFlags from './__fixtures__/organization-feature-flags.json';
import { createKindeFeatureFlags, ENVIRONMENT_FLAGS_TTL_MS } from './feature-flags';
import { kindeStub } from './testing';

const ENVIRONMENT = 'GET /api/v1/environment/feature_flags';
const orgPath = (code: string) => `GET /api/v1/organizations/${code}/feature_flags`;

describe('Kinde feature flags adapter', () => {
  it('asks for the environment defaults once for many orgs, again once they are old', async () => {
    let time = 1_000;
    const { http, seen } = kindeStub({
      [ENVIRONMENT]: () => Response.json(environmentFlags),
      [orgPath('org_a')]: () => Response.json(organizationFlags),
      [orgPath('org_b')]: () => Response.json(organizationFlags),
    });
    const flags = createKindeFeatureFlags(http, () => time);
    const [a, b] = await Promise.all([flags.list('org_a'), flags.list('org_b')]);
    await flags.list('org_a');
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(seen.filter((call) => call === ENVIRONMENT)).toHaveLength(1);

    time += ENVIRONMENT_FLAGS_TTL_MS;
    await flags.list('org_b');
    expect(seen.filter((call) => call === ENVIRONMENT)).toHaveLength(2);
  });

  it('does not keep a failed environment request: the next list asks again', async () => {
    let fail = true;
    const { http, seen } = kindeStub({
      [ENVIRONMENT]: () =>
        fail ? new Response('', { status: 503 }) : Response.json(environmentFlags),
      [orgPath('org_a')]: () => Response.json(organizationFlags),
    });
    const flags = createKindeFeatureFlags(http);
    await expect(flags.list('org_a')).rejects.toThrow();
    fail = false;
    await expect(flags.list('org_a')).resolves.not.toHaveLength(0);
    expect(seen.filter((call) => call === ENVIRONMENT)).toHaveLength(2);
  });
});
