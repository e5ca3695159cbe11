import { z } from 'zod';

/** Faults on request, for tests and demos: latency, a status, a 429 with the vendor's retry header. */
export const FaultSpec = z.object({
  /** Sandbox mount (`permit`, `kinde`, `clerk`, `clerk-frontend`, `numind`); any when omitted. */
  vendor: z.string().optional(),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .optional(),
  /** Vendor path glob: `*` is one segment, `**` any number, e.g. `/v1/organizations/org_1/**`. */
  path: z.string().startsWith('/'),
  status: z.number().int().min(400).max(599).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** For 429: seconds in the vendor's retry header. */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  message: z.string().optional(),
  /** How many matching requests it applies to; unlimited when omitted. */
  times: z.number().int().min(1).optional(),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

export interface Fault extends FaultSpec {
  readonly id: string;
  remaining: number | null;
}

function globToRegExp(glob: string): RegExp {
  const parts = glob.split('/').map((segment) => {
    if (segment === '**') return '.*';
    return segment
      .split('*')
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
  });
  return new RegExp(`^${parts.join('/')}/?$`);
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private counter = 0;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `fault_${++this.counter}`, remaining: spec.times ?? null };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching this request, consuming one of its uses. */
  take(vendor: string, method: string, path: string): Fault | null {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.vendor === undefined || candidate.vendor === vendor) &&
        (candidate.method === undefined || candidate.method === method.toUpperCase()) &&
        globToRegExp(candidate.path).test(path),
    );
    if (!fault) return null;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return fault;
  }
}
