import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  BlockedTargetError,
  guardedLookup,
  hostOf,
  isBlockedAddress,
} from './webhook-targets';

/** Enough of a receiver's answer to debug with, not enough to bloat the log. */
const EXCERPT_BYTES = 1024;

export interface SendInput {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutSeconds: number;
  allowPrivate: boolean;
}

export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
  /** The target is not allowed at all: retrying cannot help. */
  blocked: boolean;
}

/**
 * One POST. Redirects are not followed (a redirect could lead to a private address), the connection
 * resolves through a lookup that refuses private answers, and the whole exchange is bounded by the
 * timeout, so a hanging receiver costs one attempt and never holds the worker.
 */
export function sendWebhook(input: SendInput): Promise<SendResult> {
  const started = Date.now();
  const done = (
    partial: Partial<SendResult> & Pick<SendResult, 'error'>,
  ): SendResult => ({
    statusCode: null,
    responseExcerpt: null,
    blocked: false,
    ...partial,
    durationMs: Date.now() - started,
  });
  const url = new URL(input.url);
  const host = hostOf(url);
  if (!input.allowPrivate && isIP(host) && isBlockedAddress(host))
    return Promise.resolve(
      done({
        error: `refused: ${host} is a private or loopback address`,
        blocked: true,
      }),
    );
  const signal = AbortSignal.timeout(input.timeoutSeconds * 1000);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          ...input.headers,
          'content-length': String(Buffer.byteLength(input.body)),
        },
        lookup: guardedLookup(input.allowPrivate),
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve(
            done({
              statusCode: res.statusCode ?? null,
              error: null,
              responseExcerpt:
                Buffer.concat(chunks)
                  .toString('utf8')
                  .slice(0, EXCERPT_BYTES) || null,
            }),
          );
        res.on('data', (chunk: Buffer) => {
          if (size >= EXCERPT_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('error', () => finish());
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted)
        return resolve(
          done({ error: `timed out after ${input.timeoutSeconds} s` }),
        );
      if (error instanceof BlockedTargetError)
        return resolve(done({ error: error.message, blocked: true }));
      resolve(done({ error: describe(error) }));
    });
    req.end(input.body);
  });
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name could not be resolved';
    case 'ECONNRESET':
      return 'connection reset by the receiver';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `TLS certificate rejected (${error.code})`;
    default:
      return error.message || String(error.code ?? 'request failed');
  }
}
