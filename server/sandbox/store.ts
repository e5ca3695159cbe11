import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomic-file';

export interface SliceDefinition<S> {
  /** Key in the state file, e.g. `permit`. */
  readonly name: string;
  /** Bump when the slice's shape changes: a stored slice of another version is re-seeded. */
  readonly version: number;
  seed(): S;
}

export interface Slice<S> {
  readonly name: string;
  /** The live, mutable state. Call `store.changed()` after mutating it. */
  readonly state: S;
}

interface StoredSlice {
  version: number;
  data: unknown;
}

interface MutableSlice<S> {
  definition: SliceDefinition<S>;
  state: S;
}

/** What vendors and the sandbox's routes need from wherever the sandbox's state lives. */
export interface SandboxStateStore {
  register<S>(definition: SliceDefinition<S>): Slice<S>;
  /** The registered slices' names, in registration order. */
  names(): string[];
  /** Call after mutating a slice's state. */
  changed(): void;
  /** Loads the stored state over the seeds (call once, after every slice is registered). */
  load(): Promise<void>;
  /**
   * Runs one vendor request on its slices (`write` for methods that may change them), and
   * resolves once any change it made is durable: the sandbox answers after that.
   */
  run<T>(names: readonly string[], write: boolean, run: () => Promise<T>): Promise<T>;
  /** Writes pending state (before exit). */
  flush(): Promise<void>;
  /** Restores every slice to its seed. */
  reset(): Promise<void>;
}

export interface SandboxStoreOptions {
  /** Folder the state file lives in; `null` keeps everything in memory (tests). */
  readonly dataDir: string | null;
  readonly debounceMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * One store for every emulated provider: slices seeded deterministically, persisted to one
 * JSON file with atomic writes so a demo survives a restart and a crash cannot corrupt it.
 * For one process only (tests, `ORGDECK_SANDBOX_DIR` without the server's store); the server
 * keeps the sandbox in its database (`DbSandboxStore`), where replicas share it.
 */
export class SandboxStore implements SandboxStateStore {
  private readonly slices = new Map<string, MutableSlice<unknown>>();
  private readonly filePath: string | null;
  private readonly debounceMs: number;
  private readonly log: (message: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(options: SandboxStoreOptions) {
    this.filePath = options.dataDir === null ? null : join(options.dataDir, 'sandbox-state.json');
    this.debounceMs = options.debounceMs ?? 150;
    this.log = options.log ?? (() => undefined);
  }

  register<S>(definition: SliceDefinition<S>): Slice<S> {
    if (this.slices.has(definition.name))
      throw new Error(`Slice ${definition.name} registered twice`);
    const entry: MutableSlice<S> = { definition, state: definition.seed() };
    this.slices.set(definition.name, entry);
    return {
      name: definition.name,
      get state() {
        return entry.state;
      },
    };
  }

  names(): string[] {
    return [...this.slices.keys()];
  }

  async run<T>(_names: readonly string[], _write: boolean, run: () => Promise<T>): Promise<T> {
    const result = await run();
    await this.persistChanges();
    return result;
  }

  /** Replaces seeded slices with what the state file holds, where its version matches. */
  async load(): Promise<void> {
    if (this.filePath === null) return;
    const text = await readFileIfExists(this.filePath);
    if (text === null) {
      await this.flush();
      return;
    }
    let stored: Record<string, StoredSlice>;
    try {
      stored = JSON.parse(text) as Record<string, StoredSlice>;
    } catch {
      const backup = `${this.filePath}.corrupt-${Date.now()}`;
      await writeFileAtomic(backup, text);
      this.log(`Sandbox state file was unreadable; kept it as ${backup} and re-seeded.`);
      await this.flush();
      return;
    }
    for (const [name, entry] of this.slices) {
      const found = stored[name];
      if (found && found.version === entry.definition.version) entry.state = found.data;
    }
  }

  /** Schedules a save; call after every mutation. */
  changed(): void {
    if (this.filePath === null) return;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /**
   * Writes the state if it changed since the last write, and resolves once it is on disk: the
   * sandbox calls this before it answers a request, so an answered write survives `kill -9`.
   * Concurrent callers share one write (group commit).
   */
  async persistChanges(): Promise<void> {
    if (!this.dirty) {
      await this.writing;
      return;
    }
    await this.flush();
  }

  /** Writes the state now (and waits for any write already under way). */
  async flush(): Promise<void> {
    if (this.filePath === null) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.dirty = false;
    const snapshot: Record<string, StoredSlice> = {};
    for (const [name, entry] of this.slices) {
      snapshot[name] = { version: entry.definition.version, data: entry.state };
    }
    const content = JSON.stringify(snapshot);
    const path = this.filePath;
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => writeFileAtomic(path, content))
      .catch((error: unknown) => {
        this.log(`Could not save sandbox state: ${String(error)}`);
      });
    await this.writing;
  }

  /** Restores every slice to its seed. */
  async reset(): Promise<void> {
    for (const entry of this.slices.values()) entry.state = entry.definition.seed();
    await this.flush();
  }
}
