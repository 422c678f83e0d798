import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { AppConfig, loadConfig } from '../config/app-config';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';
import { createFileStorage } from './storage.module';

/** The few S3 object calls the storage makes, path-style, as MinIO or any S3-compatible store answers them. */
function fakeS3(): Promise<{
  server: Server;
  endpoint: string;
  objects: Map<string, Buffer>;
}> {
  const objects = new Map<string, Buffer>();
  const server = createServer(async (request: IncomingMessage, response) => {
    const key = decodeURIComponent(
      new URL(request.url ?? '/', 'http://x').pathname,
    );
    if (request.method === 'PUT') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      objects.set(key, Buffer.concat(chunks));
      response.writeHead(200, { etag: '"x"' }).end();
    } else if (request.method === 'GET') {
      const body = objects.get(key);
      if (!body) {
        response
          .writeHead(404, { 'content-type': 'application/xml' })
          .end(
            '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>',
          );
        return;
      }
      response.writeHead(200, { 'content-length': body.length }).end(body);
    } else if (request.method === 'DELETE') {
      objects.delete(key);
      response.writeHead(204).end();
    } else {
      response.writeHead(405).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        objects,
      }),
    ),
  );
}

describe('S3Storage', () => {
  let fake: Awaited<ReturnType<typeof fakeS3>>;
  let storage: S3Storage;

  beforeAll(async () => {
    fake = await fakeS3();
    storage = new S3Storage({
      endpoint: fake.endpoint,
      region: 'us-east-1',
      bucket: 'ugc-bucket',
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
    });
  });

  afterAll(
    () => new Promise<void>((resolve) => fake.server.close(() => resolve())),
  );

  it('puts, gets and deletes objects path-style in its bucket', async () => {
    await storage.put(
      'ugc/s1/m1.webp',
      Buffer.from('image-bytes'),
      'image/webp',
    );
    expect([...fake.objects.keys()]).toEqual(['/ugc-bucket/ugc/s1/m1.webp']);
    const file = await storage.get('ugc/s1/m1.webp');
    expect(file?.size).toBe(11);
    expect(file && (await text(file.stream))).toBe('image-bytes');
    await storage.delete('ugc/s1/m1.webp');
    expect(await storage.get('ugc/s1/m1.webp')).toBeNull();
  });

  it('refuses unsafe keys before calling the store', async () => {
    await expect(
      storage.put('../escape', Buffer.from('x'), 'text/plain'),
    ).rejects.toThrow('Unsafe storage key');
    expect(fake.objects.size).toBe(0);
  });
});

describe('createFileStorage', () => {
  const config = (env: Record<string, string>): AppConfig => loadConfig(env);

  it('uses the local disk by default and S3 when configured', () => {
    expect(createFileStorage(config({}))).toBeInstanceOf(LocalDiskStorage);
    expect(
      createFileStorage(config({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b' })),
    ).toBeInstanceOf(S3Storage);
  });

  it('refuses S3 without a bucket at start-up', () => {
    expect(() => config({ STORAGE_DRIVER: 's3' })).toThrow(
      'S3_BUCKET is required when STORAGE_DRIVER=s3',
    );
  });
});
