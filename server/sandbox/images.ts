import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';

export interface StoredImage {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/**
 * Uploaded logos, kept as files beside the sandbox state (or in memory in tests) and served
 * publicly at `/sandbox/images/<id>`, as a vendor's image CDN would.
 */
export class ImageStore {
  private readonly memory = new Map<string, StoredImage>();

  constructor(private readonly dataDir: string | null) {}

  /** Stores an image and returns its id (content-addressed, with the type in the id). */
  async put(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const ext = contentType.split('/')[1]?.replace(/[^a-z0-9]/g, '') ?? 'bin';
    const id = `${hash}.${ext}`;
    this.memory.set(id, { bytes, contentType });
    if (this.dataDir !== null) {
      await writeFileAtomic(
        join(this.dataDir, 'images', id),
        Buffer.from(bytes).toString('base64'),
      );
      await writeFileAtomic(join(this.dataDir, 'images', `${id}.type`), contentType);
    }
    return id;
  }

  async get(id: string): Promise<StoredImage | null> {
    if (!/^[a-f0-9]{32}\.[a-z0-9]+$/.test(id)) return null;
    const cached = this.memory.get(id);
    if (cached) return cached;
    if (this.dataDir === null) return null;
    try {
      const base64 = await readFile(join(this.dataDir, 'images', id), 'utf8');
      const contentType = await readFile(join(this.dataDir, 'images', `${id}.type`), 'utf8');
      const image = { bytes: new Uint8Array(Buffer.from(base64, 'base64')), contentType };
      this.memory.set(id, image);
      return image;
    } catch {
      return null;
    }
  }

  /** Public path of an image id, to prefix with the request's origin. */
  static path(id: string): string {
    return `/sandbox/images/${id}`;
  }
}
