/** One sandbox vendor slice as JSON, with a revision bumped on every write (replicas reload). */
export interface SandboxSlicesTable {
  name: string;
  /** The slice definition's shape version; another version is re-seeded. */
  shape_version: number;
  revision: string;
  /** The slice's state as JSON text. */
  data: string;
}

export interface SandboxTables {
  sandbox_slices: SandboxSlicesTable;
}
