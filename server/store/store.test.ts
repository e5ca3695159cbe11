import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
import { MIGRATIONS } from './migrations';
import { migrate, openStore, StoreOpenError } from './store';
import { describeStores } from './test-stores';

describeStores('store', ({ store, engine }) => {
  it('applies every migration once, and again is a no-op', async () => {
    const { db } = store();
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort());
    await migrate(db);
    const again = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
      db,
    );
    expect(again.rows[0]?.n).toBe(Object.keys(MIGRATIONS).length);
    expect(store().engine).toBe(engine);
  });

  it('runs transactions one at a time, even when callers overlap', async () => {
    const { db } = store();
    await db.insertInto('server_keys').values({ name: 'counter', value: '0' }).execute();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('server_keys')
            .select('value')
            .where('name', '=', 'counter')
            .forUpdate()
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('server_keys')
            .set({ value: String(Number(row.value) + 1) })
            .where('name', '=', 'counter')
            .execute();
        }),
      ),
    );
    const row = await db
      .selectFrom('server_keys')
      .select('value')
      .where('name', '=', 'counter')
      .executeTakeFirstOrThrow();
    expect(row.value).toBe('20');
  });
});

describe('embedded store folder', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('keeps data across a close and reopen, and releases its lock', async () => {
    dir = mkdtempSync(join(tmpdir(), 'od_store_'));
    const dataDir = join(dir, 'pg');
    const first = await openStore({ dataDir });
    expect(readFileSync(`${dataDir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await first.db.insertInto('server_keys').values({ name: 'kept', value: 'yes' }).execute();
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const second = await openStore({ dataDir });
    const row = await second.db
      .selectFrom('server_keys')
      .select('value')
      .where('name', '=', 'kept')
      .executeTakeFirst();
    await second.close();
    expect(row?.value).toBe('yes');
  }, 60_000);

  it('refuses a folder another live process holds, with a message saying what to do', async () => {
    dir = mkdtempSync(join(tmpdir(), 'od_store_'));
    const dataDir = join(dir, 'pg');
    // The parent of this test is alive: its PID in the lock file means the folder is taken.
    writeFileSync(`${dataDir}.lock`, `${process.ppid}\n`);
    const opening = openStore({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(opening).rejects.toThrow(/another Orgdeck process .*DATABASE_URL/s);
  });

  it('takes over a stale lock whose process is gone', () => {
    dir = mkdtempSync(join(tmpdir(), 'od_store_'));
    const lockPath = join(dir, 'pg.lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lockPath, `${gone.stdout.toString()}\n`);
    const release = lockDataDir(lockPath);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataDir(lockPath)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('says which server it cannot reach, without the password', async () => {
    const opening = openStore({
      dataDir: null,
      databaseUrl: 'postgres://orgdeck:hunter2-secret@127.0.0.1:1/orgdeck',
    });
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(/127\.0\.0\.1:1/);
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});
