import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storage-'));
    storage = new LocalDiskStorage(dir);
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores, reads back and deletes a file', async () => {
    await storage.put('ugc/a/b.webp', Buffer.from('hello'), 'image/webp');
    const file = await storage.get('ugc/a/b.webp');
    expect(file?.size).toBe(5);
    expect(file && (await text(file.stream))).toBe('hello');
    await storage.delete('ugc/a/b.webp');
    expect(await storage.get('ugc/a/b.webp')).toBeNull();
  });

  it('deletes a missing file without complaint', async () => {
    await expect(storage.delete('ugc/none.webp')).resolves.toBeUndefined();
  });

  it.each(['../etc/passwd', 'ugc/../../x', '/abs', 'UPPER'])(
    'refuses the unsafe key %s',
    async (key) => {
      await expect(
        storage.put(key, Buffer.from('x'), 'text/plain'),
      ).rejects.toThrow('Unsafe storage key');
    },
  );
});
