import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real local receiver: `/ok` answers 200, `/flaky` 500 to the first delivery of each event and 200 after,
 * `/hang` never answers (until the server closes).
 */
export async function startReceiver(): Promise<{
  url: (path: string) => string;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      // Counted per event, so each event's first delivery to /flaky fails whatever else arrives.
      const key = `${path} ${String(req.headers['webhook-id'])}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (path.startsWith('/hang')) return;
      if (path.startsWith('/flaky') && count === 1) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('temporarily broken');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
