import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp } from '../../../test/test-app';
import { listRoutes } from '../common/access/route-inventory';

describe('OpenAPI document', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('is OpenAPI 3 and describes every declared route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map(
          (method) =>
            `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      ),
    );
    // OpenAPI cannot express a catch-all path, so wildcard routes are left out of the document.
    const missing = listRoutes(app)
      .filter((route) => !route.path.includes('*'))
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });

  it('serves the documentation page', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
