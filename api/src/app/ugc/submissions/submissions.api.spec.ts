import { UgcSubmissionView } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../../test/test-app';
import { grantReward } from '../../rewards/testing/reward-fixtures';
import {
  consentFields,
  createCampaign,
  image,
  jpegWithGps,
  linkToken,
  multipart,
} from '../testing/ugc-fixtures';

describe('UGC campaigns and submissions (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let brand: TestUser;
  let advocate: TestAdvocate;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'ugc-'));
    process.env['STORAGE_DIR'] = storageDir;
    process.env['UGC_IMAGE_MAX_BYTES'] = String(200 * 1024);
    // Below the image limit, to prove uploads are bounded by the image limit, not the JSON one.
    process.env['BODY_LIMIT_BYTES'] = String(64 * 1024);
    app = await createTestApp();
    db = app.get(DataSource);
    brand = await createUser(app, 'brand');
    advocate = await createUser(app, 'advocate');
  });

  afterAll(async () => {
    await app.close();
    await rm(storageDir, { recursive: true, force: true });
    delete process.env['STORAGE_DIR'];
    delete process.env['UGC_IMAGE_MAX_BYTES'];
    delete process.env['BODY_LIMIT_BYTES'];
  });

  const submit = (
    user: TestUser,
    fields: Record<string, string | number | string[]>,
    files: ReturnType<typeof image>[] = [],
  ) => {
    const body = multipart(fields, files);
    return app.inject({
      method: 'POST',
      url: '/api/v1/ugc/submissions',
      headers: { ...bearer(user), ...body.headers },
      payload: body.payload,
    });
  };

  const fileCount = async () => {
    const entries = await readdir(storageDir, {
      recursive: true,
      withFileTypes: true,
    });
    return entries.filter((entry) => entry.isFile()).length;
  };

  const rowCounts = async (campaignId: string) => {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM ugc_submissions WHERE campaign_id = $1)::int AS submissions,
              (SELECT count(*) FROM ugc_media m JOIN ugc_submissions s ON s.id = m.submission_id WHERE s.campaign_id = $1)::int AS media`,
      [campaignId],
    );
    return row as { submissions: number; media: number };
  };

  describe('campaigns', () => {
    it('refuses bad settings field by field', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/campaigns',
        headers: bearer(brand),
        payload: {
          name: 'Spring',
          guidelines: 'Be honest',
          startsAt: '2026-05-01T00:00:00Z',
          endsAt: '2026-04-01T00:00:00Z',
          eligibleSegments: ['nobody'],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual({
        endsAt: 'must be after the start',
        eligibleSegments: 'has unknown segments: nobody',
      });
    });

    it('refuses a reward type UGC cannot pay and a money reward without an amount', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/campaigns',
        headers: bearer(brand),
        payload: {
          name: 'Spring',
          guidelines: 'Be honest',
          startsAt: '2026-05-01T00:00:00Z',
          reward: {
            type: 'coupon',
            amount: null,
            currency: 'USD',
            holdDays: 0,
          },
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors['reward.type']).toContain('must be one of');
    });

    it('keeps campaign management away from advocates', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/ugc/campaigns',
        headers: bearer(advocate),
      });
      expect(response.statusCode).toBe(403);
    });

    it('lists open campaigns for the advocate’s segment only', async () => {
      const open = await createCampaign(app, brand);
      const promotersOnly = await createCampaign(app, brand, {
        eligibleSegments: ['promoters'],
      });
      const draft = await createCampaign(app, brand, { status: 'draft' });
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/ugc/open-campaigns',
        headers: bearer(advocate),
      });
      const ids = response.json().map((c: { id: string }) => c.id);
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(promotersOnly.id);
      expect(ids).not.toContain(draft.id);
    });
  });

  describe('a portal submission', () => {
    it('stores text, rating, a clean image, consent with server time, snapshot and disclosure', async () => {
      const campaign = await createCampaign(app, brand, {
        reward: { type: 'points', amount: 200, currency: null, holdDays: 0 },
      });
      const before = Date.now();
      const response = await submit(
        advocate,
        {
          campaignId: campaign.id,
          text: 'I <3 the oolong',
          rating: 4,
          ...consentFields,
          consentExpiresAt: '2099-01-01T00:00:00.000Z',
        },
        [image(await jpegWithGps())],
      );
      expect(response.statusCode).toBe(201);
      const view = response.json<UgcSubmissionView>();
      expect(view).toMatchObject({
        status: 'pending',
        text: 'I <3 the oolong',
        rating: 4,
        mediaType: 'image',
        disclosure: 'Incentivised: received a reward from the brand',
        consent: {
          scopes: ['website', 'social'],
          displayName: 'first_initial',
          expiresAt: '2099-01-01T00:00:00.000Z',
          active: true,
        },
      });
      expect(new Date(view.consent.givenAt).getTime()).toBeGreaterThanOrEqual(
        before - 1000,
      );
      const [row] = await db.query(
        `SELECT s.segment_snapshot, c.last_advocacy_at FROM ugc_submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1`,
        [view.id],
      );
      expect(row.segment_snapshot.segmentKey).toBe('unsurveyed');
      expect(row.last_advocacy_at).not.toBeNull();

      const media = await app.inject({ method: 'GET', url: view.media[0].url });
      expect(media.statusCode).toBe(200);
      expect(media.headers['content-type']).toBe('image/webp');
      expect(media.headers['x-content-type-options']).toBe('nosniff');
      expect(media.rawPayload.includes(Buffer.from('LeakyCam'))).toBe(false);
      expect((await sharp(media.rawPayload).metadata()).exif).toBeUndefined();
      const thumb = await app.inject({
        method: 'GET',
        url: view.media[0].thumbUrl,
      });
      expect(thumb.statusCode).toBe(200);
    });

    it('accepts a photo larger than the JSON body limit but within the image limit', async () => {
      const campaign = await createCampaign(app, brand);
      const photo = await sharp(
        Buffer.from(
          Array.from({ length: 200 * 200 * 3 }, (_, i) => (i * 7919) % 251),
        ),
        { raw: { width: 200, height: 200, channels: 3 } },
      )
        .png({ compressionLevel: 0 })
        .toBuffer();
      expect(photo.length).toBeGreaterThan(64 * 1024);
      expect(photo.length).toBeLessThan(200 * 1024);
      const response = await submit(
        advocate,
        { campaignId: campaign.id, ...consentFields },
        [image(photo, 'noise.png')],
      );
      expect(response.statusCode).toBe(201);
    });

    it('serves a pending image only through its signed URL', async () => {
      const campaign = await createCampaign(app, brand);
      const view = (
        await submit(advocate, { campaignId: campaign.id, ...consentFields }, [
          image(await jpegWithGps()),
        ])
      ).json<UgcSubmissionView>();
      const unsigned = view.media[0].url.split('&')[0];
      expect(
        (await app.inject({ method: 'GET', url: unsigned })).statusCode,
      ).toBe(404);
      const forged = view.media[0].url.replace(/sig=[^&]+/, 'sig=forged');
      expect(
        (await app.inject({ method: 'GET', url: forged })).statusCode,
      ).toBe(404);
    });

    it('accepts a video link alone and labels the media type', async () => {
      const campaign = await createCampaign(app, brand);
      const response = await submit(advocate, {
        campaignId: campaign.id,
        videoUrl: 'https://www.youtube.com/watch?v=abc123',
        ...consentFields,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        mediaType: 'video',
        disclosure: null,
      });
    });
  });

  describe('disclosure', () => {
    it('labels ambassadors and advocates with rewards, not others', async () => {
      const campaign = await createCampaign(app, brand);
      const ambassador = await createUser(app, 'advocate');
      await db.query(
        'UPDATE customers SET ambassador_since = now() WHERE id = $1',
        [ambassador.customerId],
      );
      const rewarded = await createUser(app, 'advocate');
      await grantReward(app, rewarded.customerId);
      const reversed = await createUser(app, 'advocate');
      const reward = await grantReward(app, reversed.customerId);
      await db.query(`UPDATE rewards SET state = 'reversed' WHERE id = $1`, [
        reward.id,
      ]);
      const labelOf = async (user: TestUser) =>
        (
          await submit(user, {
            campaignId: campaign.id,
            text: 'Hello',
            ...consentFields,
          })
        ).json<UgcSubmissionView>().disclosure;
      expect(await labelOf(ambassador)).toBe('Brand ambassador');
      expect(await labelOf(rewarded)).toBe(
        'Incentivised: received a reward from the brand',
      );
      expect(await labelOf(reversed)).toBeNull();
    });
  });

  describe('bad input stores nothing', () => {
    let campaignId: string;

    beforeAll(async () => {
      campaignId = (await createCampaign(app, brand)).id;
    });

    afterEach(async () => {
      expect(await rowCounts(campaignId)).toEqual({ submissions: 0, media: 0 });
    });

    it('refuses a script named .jpg by its content (415), even beside a good image', async () => {
      const filesBefore = await fileCount();
      const response = await submit(
        advocate,
        { campaignId, text: 'Hi', ...consentFields },
        [
          image(await jpegWithGps()),
          image(
            Buffer.from('<script>alert(document.cookie)</script>'),
            'evil.jpg',
          ),
        ],
      );
      expect(response.statusCode).toBe(415);
      expect(response.json().errors).toEqual({
        'images[1]': 'must be a JPEG, PNG or WebP image',
      });
      expect(await fileCount()).toBe(filesBefore);
    });

    it('refuses an image over the size limit (413)', async () => {
      const noise = await sharp(
        Buffer.from(
          Array.from({ length: 400 * 400 * 3 }, (_, i) => (i * 7919) % 251),
        ),
        {
          raw: { width: 400, height: 400, channels: 3 },
        },
      )
        .png({ compressionLevel: 0 })
        .toBuffer();
      expect(noise.length).toBeGreaterThan(200 * 1024);
      const response = await submit(
        advocate,
        { campaignId, ...consentFields },
        [image(noise, 'big.png')],
      );
      expect(response.statusCode).toBe(413);
      expect(response.json().errors['images[0]']).toBe('must be at most 0 MB');
    });

    it('refuses a decompression bomb (422)', async () => {
      const bomb = await sharp({
        create: {
          width: 10_000,
          height: 10_000,
          channels: 3,
          background: '#000',
        },
        limitInputPixels: false,
      })
        .png({ palette: true, colours: 2, compressionLevel: 9 })
        .toBuffer();
      const response = await submit(
        advocate,
        { campaignId, ...consentFields },
        [image(bomb, 'bomb.png')],
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().errors['images[0]']).toBe(
        'must be at most 40 megapixels',
      );
    });

    it.each([
      [
        { text: '<script>alert(1)</script>' },
        'text',
        'must be plain text, without HTML or scripts',
      ],
      [
        { text: 'ok', videoUrl: 'notaurl' },
        'videoUrl',
        'must be a full link starting with https://',
      ],
      [
        { socialUrl: 'javascript:alert(1)' },
        'socialUrl',
        'must be a full link starting with https://',
      ],
      [{ text: 'ok', rating: 9 }, 'rating', 'must be between 1 and 5 stars'],
      [
        { text: 'ok', consentScopes: [] as string[] },
        'consentScopes',
        'choose at least one place we may show it',
      ],
      [
        { text: 'ok', consentExpiresAt: '2001-01-01T00:00:00Z' },
        'consentExpiresAt',
        'must be in the future',
      ],
      [{}, 'text', 'add your words, an image or a link'],
      [{ text: 'ok', admin: 'true' }, 'admin', 'is not a known field'],
      [{ text: 'ok', name: 'Someone Else' }, 'name', 'is not a known field'],
    ])('refuses %j with a field message', async (extra, field, message) => {
      const fields: Record<string, string | number | string[]> = {
        campaignId,
        ...consentFields,
        ...extra,
      };
      const response = await submit(advocate, fields);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[field]).toBe(message);
    });

    it('refuses JSON instead of multipart (415)', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/submissions',
        headers: bearer(advocate),
        payload: { campaignId, text: 'hi' },
      });
      expect(response.statusCode).toBe(415);
    });
  });

  it('refuses a closed campaign and one for other segments (422)', async () => {
    const closed = await createCampaign(app, brand, { status: 'closed' });
    const promoters = await createCampaign(app, brand, {
      eligibleSegments: ['promoters'],
    });
    for (const [campaignId, message] of [
      [closed.id, 'is not open for submissions'],
      [promoters.id, 'is not open to your segment'],
    ]) {
      const response = await submit(advocate, {
        campaignId,
        text: 'x',
        ...consentFields,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.campaignId).toBe(message);
    }
  });

  it('lets only the owner withdraw consent, and keeps the server time', async () => {
    const campaign = await createCampaign(app, brand);
    const view = (
      await submit(advocate, {
        campaignId: campaign.id,
        text: 'Mine',
        ...consentFields,
      })
    ).json<UgcSubmissionView>();
    const other = await createUser(app, 'advocate');
    const url = `/api/v1/ugc/submissions/${view.id}/consent/revoke`;
    expect(
      (await app.inject({ method: 'POST', url, headers: bearer(other) }))
        .statusCode,
    ).toBe(404);
    const mine = await app.inject({
      method: 'POST',
      url,
      headers: bearer(advocate),
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().consent).toMatchObject({
      active: false,
      revokedAt: expect.any(String),
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/ugc/submissions/mine',
      headers: bearer(other),
    });
    expect(list.json().items).toEqual([]);
    const [audit] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ugc_consent.revoked' AND entity_id = $1`,
      [view.id],
    );
    expect(audit.n).toBe(1);
  });

  describe('public testimonial link', () => {
    it('shows the campaign, requires name and email, and stores the submission unowned', async () => {
      const campaign = await createCampaign(app, brand);
      const token = linkToken(campaign);
      const info = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/links/${token}`,
      });
      expect(info.statusCode).toBe(200);
      expect(info.json()).toMatchObject({
        name: campaign.name,
        incentivised: false,
      });

      const post = (fields: Record<string, string | string[]>) => {
        const body = multipart(fields);
        return app.inject({
          method: 'POST',
          url: `/api/v1/ugc/links/${token}`,
          headers: body.headers,
          payload: body.payload,
        });
      };
      const missing = await post({ text: 'Great', ...consentFields });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors).toEqual({
        name: 'is required',
        email: 'is required',
      });
      const ok = await post({
        text: 'Great tea',
        name: 'Grace Hopper',
        email: advocate.email,
        ...consentFields,
      });
      expect(ok.statusCode).toBe(201);
      const [row] = await db.query(
        'SELECT customer_id, source, submitter_name FROM ugc_submissions WHERE id = $1',
        [ok.json().id],
      );
      expect(row).toEqual({
        customer_id: null,
        source: 'link',
        submitter_name: 'Grace Hopper',
      });
    });

    it('answers 404 for an unknown token or a disabled link', async () => {
      const campaign = await createCampaign(app, brand, {
        publicLinkEnabled: false,
      });
      expect(campaign.publicPath).toBeNull();
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/ugc/links/aaaaaaaaaaaaaaaaaaaaaaaa',
      });
      expect(response.statusCode).toBe(404);
    });

    it('rate-limits one address', async () => {
      const campaign = await createCampaign(app, brand);
      const token = linkToken(campaign);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const body = multipart({
          text: 'x',
          name: 'N',
          email: 'n@example.com',
          ...consentFields,
        });
        const response = await app.inject({
          method: 'POST',
          url: `/api/v1/ugc/links/${token}`,
          headers: { ...body.headers, 'x-forwarded-for': '203.0.113.9' },
          payload: body.payload,
          remoteAddress: '203.0.113.9',
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(10);
      expect(statuses[statuses.length - 1]).toBe(429);
    });
  });
});
