import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditEntry, type AuditFilter, type AuditPage } from './entry';
import { queryEntries, type AuditStore } from './store';

/**
 * The audit log as an append-only JSON Lines file: one entry per line, each written with its
 * newline and fsync'd before `append` resolves, so a crash loses at most the entry being written.
 * A torn or unreadable line is skipped on load with a warning, and the file gets a fresh line
 * start so the next entry is not glued to it. Entries are also kept in memory for queries.
 *
 * (Not SQLite: better-sqlite3 needs a native build and `node:sqlite` needs Node 22; Orgdeck runs
 * on Node 20 without native modules.)
 */
export class JsonlAuditStore implements AuditStore {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    private readonly entries: AuditEntry[],
  ) {}

  static async open(
    path: string,
    warn: (message: string) => void = () => undefined,
  ): Promise<JsonlAuditStore> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const entries: AuditEntry[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = parseLine(line);
      if (parsed) entries.push(parsed);
      else {
        const torn = index === lines.length - 1;
        warn(
          `audit: skipped ${torn ? 'a torn last line' : `unreadable line ${index + 1}`} in ${path}`,
        );
      }
    });
    const handle = await open(path, 'a', 0o600);
    if (text !== '' && !text.endsWith('\n')) {
      await handle.write('\n');
      await handle.sync();
    }
    return new JsonlAuditStore(handle, entries);
  }

  append(entry: AuditEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.queue.then(async () => {
      await this.handle.write(line);
      await this.handle.sync();
      this.entries.push(entry);
    });
    // One failed write must not stop the ones after it.
    this.queue = write.catch(() => undefined);
    return write;
  }

  query(filter: AuditFilter, page: AuditPage): Promise<{ items: AuditEntry[]; total: number }> {
    return Promise.resolve(queryEntries(this.entries, filter, page));
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}

function parseLine(line: string): AuditEntry | null {
  try {
    const parsed = AuditEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
