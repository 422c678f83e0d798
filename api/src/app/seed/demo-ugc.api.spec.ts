import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { DEMO_SHOWCASE_SLUG, DEMO_UGC_TOKEN } from './demo-ugc';
import { SeedService } from './seed.service';

describe('demo UGC seed (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  // The default storage folder: other seed specs in the same run may be the ones that seed it.
  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  it('seeds campaigns, submissions in every state and a showcase, once', async () => {
    await app.get(SeedService).run();
    await app.get(SeedService).run();
    const statuses = await db.query(
      `SELECT s.status, count(*)::int AS n FROM ugc_submissions s JOIN ugc_campaigns c ON c.id = s.campaign_id
        WHERE c.public_token LIKE 'demo-%' GROUP BY s.status ORDER BY s.status`,
    );
    expect(statuses).toEqual([
      { status: 'approved', n: 10 },
      { status: 'pending', n: 3 },
      { status: 'rejected', n: 3 },
    ]);
    const link = await app.inject({
      method: 'GET',
      url: `/api/v1/ugc/links/${DEMO_UGC_TOKEN}`,
    });
    expect(link.statusCode).toBe(200);

    const page = await app.inject({
      method: 'GET',
      url: `/api/v1/ugc/public/showcases/${DEMO_SHOWCASE_SLUG}`,
    });
    const items = page.json().items as {
      text: string | null;
      images: { thumbUrl: string }[];
    }[];
    // Eight curated; the withdrawn and the expired ones never show.
    expect(items).toHaveLength(6);
    expect(items.some((i) => i.text?.includes('stop showing'))).toBe(false);
    const withImage = items.find((i) => i.images.length > 0);
    if (!withImage) throw new Error('no curated item with an image');
    const image = await app.inject({
      method: 'GET',
      url: withImage.images[0].thumbUrl,
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
  });
});
