import { createHash } from 'node:crypto';

/** For high-entropy secrets (tokens, keys) a fast hash is enough; passwords use argon2. */
export const sha256 = (value: string) =>
  createHash('sha256').update(value).digest('hex');
