import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import { TextSniffer } from './csv-sniff';

export interface StoredUpload {
  path: string;
  size: number;
  headerLine: string;
}

/** Streams an upload to disk chunk by chunk (never whole in memory), refusing binary content on the way. */
export async function storeUpload(
  source: Readable,
  dir: string,
): Promise<StoredUpload> {
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const path = resolve(folder, `${randomUUID()}.csv`);
  const sniffer = new TextSniffer();
  const out = createWriteStream(path);
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      sniffer.inspect(chunk);
      size += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
  return { path, size, headerLine: sniffer.headerLine };
}
