import { UgcModerationItem, UgcSubmissionView } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../../test/test-app';
import {
  consentFields,
  createCampaign,
  image,
  jpegWithGps,
  linkToken,
  multipart,
} from '../testing/ugc-fixtures';

describe('UGC moderation, showcases and metrics (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let brand: TestUser;
  let advocate: TestAdvocate;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'ugc-'));
    process.env['STORAGE_DIR'] = storageDir;
    app = await createTestApp();
    db = app.get(DataSource);
    brand = await createUser(app, 'brand');
    advocate = await createUser(app, 'advocate');
  });

  afterAll(async () => {
    await app.close();
    await rm(storageDir, { recursive: true, force: true });
    delete process.env['STORAGE_DIR'];
  });

  async function submitTo(
    campaignId: string,
    fields: Record<string, string | number | string[]> = {},
    withImage = false,
    user: TestUser = advocate,
  ): Promise<UgcSubmissionView> {
    const body = multipart(
      {
        campaignId,
        text: 'Lovely tea, fast delivery.',
        rating: 5,
        ...consentFields,
        ...fields,
      },
      withImage ? [image(await jpegWithGps())] : [],
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/ugc/submissions',
      headers: { ...bearer(user), ...body.headers },
      payload: body.payload,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json();
  }

  const moderate = (id: string, payload: object, user: TestUser = brand) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/ugc/moderation/${id}`,
      headers: bearer(user),
      payload,
    });

  const rewardsFor = async (sourceRef: string) =>
    db.query(
      `SELECT type, amount, state FROM rewards WHERE source = 'ugc' AND source_ref = $1`,
      [sourceRef],
    );

  describe('moderation', () => {
    it('keeps the board away from advocates', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/ugc/moderation',
        headers: bearer(advocate),
      });
      expect(response.statusCode).toBe(403);
    });

    it('rejects only with a reason, which the submitter sees', async () => {
      const campaign = await createCampaign(app, brand);
      const submission = await submitTo(campaign.id);
      const bare = await moderate(submission.id, { action: 'reject' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().errors.reason).toBe('is required to reject');
      const rejected = await moderate(submission.id, {
        action: 'reject',
        reason: 'Please show the product in the photo',
      });
      expect(rejected.statusCode).toBe(200);
      const mine = await app.inject({
        method: 'GET',
        url: '/api/v1/ugc/submissions/mine',
        headers: bearer(advocate),
      });
      const seen = mine
        .json()
        .items.find((i: UgcSubmissionView) => i.id === submission.id);
      expect(seen).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Please show the product in the photo',
      });
    });

    it('rewards approval once, whatever the rating, and audits every action', async () => {
      const campaign = await createCampaign(app, brand, {
        reward: { type: 'points', amount: 150, currency: null, holdDays: 0 },
      });
      const submission = await submitTo(campaign.id, {
        rating: 1,
        text: 'Not for me.',
      });
      expect(
        (await moderate(submission.id, { action: 'approve' })).statusCode,
      ).toBe(200);
      expect(await rewardsFor(submission.id)).toEqual([
        { type: 'points', amount: '150', state: 'available' },
      ]);
      await moderate(submission.id, {
        action: 'reject',
        reason: 'Posted by mistake',
      });
      expect(
        (await moderate(submission.id, { action: 'approve' })).statusCode,
      ).toBe(200);
      expect(await rewardsFor(submission.id)).toHaveLength(1);
      const actions = await db.query(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
        [submission.id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual([
        'ugc_submission.created',
        'ugc_submission.approved',
        'ugc_submission.rejected',
        'ugc_submission.approved',
      ]);
      // Each approval tells subscribed systems once, through the webhook outbox.
      const published = await db.query(
        `SELECT data FROM webhook_events WHERE type = 'ugc.approved' AND data ->> 'submissionId' = $1`,
        [submission.id],
      );
      expect(published).toHaveLength(2);
      expect(published[0].data).toMatchObject({
        campaignId: campaign.id,
        rating: 1,
      });
    });

    it('does not reward unowned public-link content', async () => {
      const campaign = await createCampaign(app, brand, {
        reward: { type: 'points', amount: 10, currency: null, holdDays: 0 },
      });
      const token = linkToken(campaign);
      const body = multipart({
        text: 'Nice',
        name: 'Ann Other',
        email: 'ann@example.com',
        ...consentFields,
      });
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/ugc/links/${token}`,
        headers: body.headers,
        payload: body.payload,
      });
      const id = created.json().id;
      const approved = await moderate(id, { action: 'approve' });
      expect(approved.statusCode).toBe(200);
      // No reward, so no incentive label either; and the link page never promised one.
      expect(approved.json().disclosure).toBeNull();
      expect(await rewardsFor(id)).toEqual([]);
      const info = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/links/${token}`,
      });
      expect(info.json()).toMatchObject({
        incentivised: false,
        rewardDescription: null,
      });
    });

    it('features only approved content (409 otherwise)', async () => {
      const campaign = await createCampaign(app, brand);
      const submission = await submitTo(campaign.id);
      const early = await moderate(submission.id, { action: 'feature' });
      expect(early.statusCode).toBe(409);
      expect(early.json().errors.action).toBe(
        'cannot be featured while pending',
      );
      await moderate(submission.id, { action: 'approve' });
      const featured = await moderate(submission.id, { action: 'feature' });
      expect(featured.json<UgcModerationItem>().featured).toBe(true);
    });

    it('tags and picks a verbatim excerpt, never new words', async () => {
      const campaign = await createCampaign(app, brand);
      const submission = await submitTo(campaign.id);
      const tags = await app.inject({
        method: 'PUT',
        url: `/api/v1/ugc/moderation/${submission.id}/tags`,
        headers: bearer(brand),
        payload: { tags: ['Delivery', 'delivery', 'tea'] },
      });
      expect(tags.json().tags).toEqual(['delivery', 'tea']);
      const excerptUrl = `/api/v1/ugc/moderation/${submission.id}/excerpt`;
      const reworded = await app.inject({
        method: 'PUT',
        url: excerptUrl,
        headers: bearer(brand),
        payload: { excerpt: 'Lovely tea, the best ever' },
      });
      expect(reworded.statusCode).toBe(400);
      expect(reworded.json().errors.excerpt).toBe(
        'must be words taken unchanged from the submission',
      );
      const ok = await app.inject({
        method: 'PUT',
        url: excerptUrl,
        headers: bearer(brand),
        payload: { excerpt: 'fast delivery' },
      });
      expect(ok.json()).toMatchObject({
        excerpt: 'fast delivery',
        text: 'Lovely tea, fast delivery.',
      });
    });

    it('withdraws consent on request for staff, audited, once', async () => {
      const campaign = await createCampaign(app, brand);
      const submission = await submitTo(campaign.id);
      const url = `/api/v1/ugc/moderation/${submission.id}/consent/revoke`;
      const first = await app.inject({
        method: 'POST',
        url,
        headers: bearer(brand),
      });
      expect(first.statusCode).toBe(200);
      expect(first.json().consent.active).toBe(false);
      const again = await app.inject({
        method: 'POST',
        url,
        headers: bearer(brand),
      });
      expect(again.json().consent.revokedAt).toBe(
        first.json().consent.revokedAt,
      );
      const [audit] = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ugc_consent.revoked' AND entity_id = $1`,
        [submission.id],
      );
      expect(audit.n).toBe(1);
    });

    it('applies bulk actions in one go and reports what it skipped', async () => {
      const campaign = await createCampaign(app, brand);
      const a = await submitTo(campaign.id);
      const b = await submitTo(campaign.id);
      await moderate(b.id, { action: 'approve' });
      const missing = '00000000-0000-4000-8000-000000000000';
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/moderation/bulk',
        headers: bearer(brand),
        payload: { ids: [a.id, b.id, missing], action: 'approve' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        updated: [a.id],
        skipped: [
          { id: b.id, reason: 'cannot be approved while approved' },
          { id: missing, reason: 'was not found' },
        ],
      });
    });

    it('filters the queue by campaign, segment, rating and media type', async () => {
      const campaign = await createCampaign(app, brand);
      const withImage = await submitTo(campaign.id, { rating: 3 }, true);
      await submitTo(campaign.id, { rating: 5 });
      const query = (q: string) =>
        app.inject({
          method: 'GET',
          url: `/api/v1/ugc/moderation?campaignId=${campaign.id}&${q}`,
          headers: bearer(brand),
        });
      const images = (await query('mediaType=image')).json();
      expect(images.items.map((i: UgcModerationItem) => i.id)).toEqual([
        withImage.id,
      ]);
      expect(images.items[0]).toMatchObject({
        submitterEmail: advocate.email,
        segmentSnapshot: { segmentKey: 'unsurveyed' },
      });
      expect((await query('rating=5')).json().total).toBe(1);
      expect(
        (await query('segmentKey=unsurveyed&status=pending')).json().total,
      ).toBe(2);
      expect((await query('rating=7')).statusCode).toBe(400);
    });
  });

  describe('showcases', () => {
    async function showcaseOf(
      ids: string[],
      scope = 'website',
      slug = `s-${Date.now()}`,
    ) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/showcases',
        headers: bearer(brand),
        payload: {
          name: 'Loved by tea people',
          slug,
          scope,
          published: true,
          submissionIds: ids,
        },
      });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json();
    }

    it('refuses content that is not approved', async () => {
      const campaign = await createCampaign(app, brand);
      const pending = await submitTo(campaign.id);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/showcases',
        headers: bearer(brand),
        payload: {
          name: 'X',
          slug: 'x-pending',
          scope: 'website',
          submissionIds: [pending.id],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors['submissionIds[0]']).toBe(
        'is pending, not approved',
      );
    });

    it('shows only approved, consented, unexpired content, in hand-picked order, everywhere', async () => {
      const campaign = await createCampaign(app, brand);
      const first = await submitTo(campaign.id, {}, true);
      // Markup is refused at submission; older or imported text must still never break out.
      await db.query(`UPDATE ugc_submissions SET text = $2 WHERE id = $1`, [
        first.id,
        '</script><script>alert(1)</script>',
      ]);
      const second = await submitTo(campaign.id, {
        rating: 3,
        consentScopes: ['social'],
      });
      const third = await submitTo(campaign.id, {
        rating: 4,
        displayName: 'anonymous',
      });
      for (const s of [first, second, third])
        await moderate(s.id, { action: 'approve' });
      const showcase = await showcaseOf([third.id, second.id, first.id]);
      expect(showcase.visibleCount).toBe(2);

      const page = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/public/showcases/${showcase.slug}`,
      });
      expect(page.headers['cache-control']).toBe('public, max-age=60');
      const body = page.json();
      expect(body.items.map((i: { id: string }) => i.id)).toEqual([
        third.id,
        first.id,
      ]);
      expect(body.items[0].author).toBe('Anonymous');
      expect(body.items[1].author).toBe('Test A.');
      expect(body.aggregate).toEqual({ ratingCount: 2, ratingValue: 4.5 });
      expect(body.jsonLd).not.toContain('</script>');
      expect(JSON.parse(body.jsonLd).aggregateRating.ratingValue).toBe(4.5);

      const imageUrl = body.items[1].images[0].thumbUrl;
      expect(
        (await app.inject({ method: 'GET', url: imageUrl })).statusCode,
      ).toBe(200);

      const feed = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/public/showcases/${showcase.slug}/feed.json`,
      });
      expect(feed.headers['access-control-allow-origin']).toBe('*');
      expect(feed.json().items).toHaveLength(2);

      // Withdrawal: gone from the page, the feed and the unsigned image at once.
      await app.inject({
        method: 'POST',
        url: `/api/v1/ugc/submissions/${first.id}/consent/revoke`,
        headers: bearer(advocate),
      });
      const after = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/public/showcases/${showcase.slug}`,
      });
      expect(after.json().items.map((i: { id: string }) => i.id)).toEqual([
        third.id,
      ]);
      expect(
        (await app.inject({ method: 'GET', url: imageUrl })).statusCode,
      ).toBe(404);

      // Expiry works the same way, without anyone acting.
      await db.query(
        `UPDATE ugc_consents SET expires_at = now() - interval '1 second' WHERE submission_id = $1`,
        [third.id],
      );
      const expired = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/public/showcases/${showcase.slug}/feed.json`,
      });
      expect(expired.json().items).toEqual([]);
    });

    it('feeds by the showcase’s own scope', async () => {
      const campaign = await createCampaign(app, brand);
      const socialOnly = await submitTo(campaign.id, {
        consentScopes: ['social'],
      });
      await moderate(socialOnly.id, { action: 'approve' });
      const showcase = await showcaseOf(
        [socialOnly.id],
        'social',
        `social-${Date.now()}`,
      );
      const feed = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/public/showcases/${showcase.slug}/feed.json`,
      });
      expect(feed.json().items.map((i: { id: string }) => i.id)).toEqual([
        socialOnly.id,
      ]);
      const page = await app.inject({
        method: 'GET',
        url: `/api/v1/ugc/public/showcases/${showcase.slug}`,
      });
      expect(page.json().items).toEqual([]);
    });

    it('hides unpublished showcases and refuses a taken slug', async () => {
      const draft = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/showcases',
        headers: bearer(brand),
        payload: {
          name: 'Draft',
          slug: 'draft-one',
          scope: 'website',
          submissionIds: [],
        },
      });
      expect(draft.statusCode).toBe(201);
      expect(
        (
          await app.inject({
            method: 'GET',
            url: '/api/v1/ugc/public/showcases/draft-one',
          })
        ).statusCode,
      ).toBe(404);
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/ugc/showcases',
        headers: bearer(brand),
        payload: {
          name: 'Again',
          slug: 'draft-one',
          scope: 'website',
          submissionIds: [],
        },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().errors.slug).toBe('is taken');
    });

    it('serves the widget as plain JS that never parses user text as HTML', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/ugc/embed/showcase.js',
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/javascript');
      expect(response.headers['cross-origin-resource-policy']).toBe(
        'cross-origin',
      );
      expect(response.body).toContain(
        "customElements.define('advocacy-showcase'",
      );
      expect(response.body).not.toMatch(
        /innerHTML|insertAdjacentHTML|document\.write/,
      );
      expect(response.body).toContain("img.loading = 'lazy'");
    });
  });

  it('reports submissions per week, approval rate and review velocity by segment', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/ugc/metrics?weeks=4',
      headers: bearer(brand),
    });
    expect(response.statusCode).toBe(200);
    const metrics = response.json();
    expect(metrics.weeks).toHaveLength(4);
    const unsurveyed = metrics.bySegment.find(
      (row: { segmentKey: string }) => row.segmentKey === 'unsurveyed',
    );
    expect(unsurveyed.submissions).toBeGreaterThan(5);
    expect(unsurveyed.approved).toBeGreaterThan(0);
    expect(unsurveyed.approvalRate).toBeGreaterThan(0);
    expect(unsurveyed.medianReviewHours).toBeGreaterThanOrEqual(0);
    const total = metrics.perWeek
      .filter((row: { segmentKey: string }) => row.segmentKey === 'unsurveyed')
      .reduce(
        (sum: number, row: { submissions: number }) => sum + row.submissions,
        0,
      );
    expect(total).toBe(unsurveyed.submissions);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/ugc/metrics?weeks=99',
          headers: bearer(brand),
        })
      ).statusCode,
    ).toBe(400);
  });
});
