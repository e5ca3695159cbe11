import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Thrown when another live process holds the embedded database's folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database is in use by another Orgdeck process (pid ${pid}, lock ${lockPath}). ` +
        'PGlite is one process’s database: stop that process, give this one its own ORGDECK_DATA_DIR, ' +
        'or run several processes against one PostgreSQL server with DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const held = new Set<string>();

/**
 * An exclusive lock file (created with O_EXCL) recording the holder's PID. A lock whose PID is
 * gone (or is this very process without holding it: a container restarted with the same PID)
 * is stale and taken over. Returns the release function.
 */
export function lockDataDir(lockPath: string): () => void {
  if (held.has(lockPath)) throw new DataDirLockedError(lockPath, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(lockPath);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(lockPath);
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    } catch {
      // Vanished or unreadable: treated as stale below.
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new DataDirLockedError(lockPath, pid);
    }
    try {
      unlinkSync(lockPath);
    } catch {
      // Another process removed it first; retry the exclusive create.
    }
  }
  throw new DataDirLockedError(lockPath, Number.NaN);
}
