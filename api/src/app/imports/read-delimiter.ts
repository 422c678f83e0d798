import { open } from 'node:fs/promises';
import { CsvDelimiter, parseHeader } from './csv-sniff';

/** The delimiter of a stored file, read again from its header line (the upload already checked it). */
export async function readDelimiter(path: string): Promise<CsvDelimiter> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return parseHeader(text.split(/\r?\n/)[0]).delimiter;
  } finally {
    await file.close();
  }
}
