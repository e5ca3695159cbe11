import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxStore } from './store';

interface Counter {
  count: number;
  names: string[];
}

const definition = {
  name: 'counter',
  version: 1,
  seed: (): Counter => ({ count: 0, names: ['seed'] }),
};

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'orgdeck-store-'));
}

describe('sandbox store', () => {
  it('keeps changes across a restart', async () => {
    const dir = await tempDir();
    const first = new SandboxStore({ dataDir: dir });
    const slice = first.register(definition);
    await first.load();
    slice.state.count = 42;
    slice.state.names.push('added');
    first.changed();
    await first.flush();

    const second = new SandboxStore({ dataDir: dir });
    const reloaded = second.register(definition);
    await second.load();
    expect(reloaded.state).toEqual({ count: 42, names: ['seed', 'added'] });
  });

  it('writes atomically: no temporary files are left behind', async () => {
    const dir = await tempDir();
    const store = new SandboxStore({ dataDir: dir });
    const slice = store.register(definition);
    await store.load();
    for (let i = 0; i < 20; i++) {
      slice.state.count = i;
      store.changed();
    }
    await store.flush();
    expect(await readdir(dir)).toEqual(['sandbox-state.json']);
    expect(JSON.parse(await readFile(join(dir, 'sandbox-state.json'), 'utf8'))).toEqual({
      counter: { version: 1, data: { count: 19, names: ['seed'] } },
    });
  });

  it('re-seeds a slice stored with another version', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'sandbox-state.json'),
      JSON.stringify({ counter: { version: 0, data: { old: true } } }),
    );
    const store = new SandboxStore({ dataDir: dir });
    const slice = store.register(definition);
    await store.load();
    expect(slice.state).toEqual({ count: 0, names: ['seed'] });
  });

  it('survives a corrupt state file: keeps it aside and starts from the seed', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'sandbox-state.json'),
      '{"counter": {"version": 1, "data": {"count": 4',
    );
    const messages: string[] = [];
    const store = new SandboxStore({ dataDir: dir, log: (line) => messages.push(line) });
    const slice = store.register(definition);
    await store.load();
    expect(slice.state).toEqual({ count: 0, names: ['seed'] });
    const files = await readdir(dir);
    expect(files.some((file) => file.startsWith('sandbox-state.json.corrupt-'))).toBe(true);
    expect(messages.join('\n')).toContain('re-seeded');
  });

  it('resets every slice to its seed', async () => {
    const store = new SandboxStore({ dataDir: null });
    const slice = store.register(definition);
    slice.state.count = 5;
    await store.reset();
    expect(slice.state).toEqual({ count: 0, names: ['seed'] });
  });
});
