import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, createUser } from '../../../../test/test-app';
import { REDIS } from '../../redis/redis.module';
import { ReferralClickDaily } from '../entities/referral-click-daily.entity';
import { ReferralClick } from '../entities/referral-click.entity';
import { ReferralCode } from '../entities/referral-code.entity';
import { ReferralProgramme } from '../entities/referral-programme.entity';
import { CLICK_STREAM } from './click-stream';
import { ClickWriterService } from './click-writer.service';

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('share link redirect (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let writer: ClickWriterService;
  let code: ReferralCode;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    writer = app.get(ClickWriterService);
    await writer.ensureGroup();
    const advocate = await createUser(app, 'advocate');
    const programme = await db.getRepository(ReferralProgramme).save({
      name: 'Friends',
      slug: `friends-${randomUUID().slice(0, 8)}`,
      status: 'active',
      landingUrl: 'https://shop.example.com/welcome?utm_source=referral',
      attributionWindowDays: 30,
      referrerReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
    });
    code = await db.getRepository(ReferralCode).save({
      code: `ada${randomUUID().slice(0, 6)}`,
      programmeId: programme.id,
      customerId: advocate.customerId as string,
      segmentKey: 'promoters',
      segmentSnapshot: {
        segmentKey: 'promoters',
        segmentName: 'Promoters',
        npsCategory: 'promoter',
        lastScore: 10,
        advocacyLevel: 'passive',
        loyalty: 'attitudinal',
        churnRisk: false,
        computedAt: null,
      },
    });
  });

  afterAll(async () => {
    await app.close();
  });

  async function drain(): Promise<void> {
    while ((await writer.drainOnce()) > 0) {
      // keep going until the stream is empty
    }
  }

  it('redirects with the code and a click id, sets the attribution cookie and records the click', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/r/${code.code.toUpperCase()}`,
      headers: {
        'user-agent': BROWSER,
        referer: 'https://social.example/post/1',
      },
      remoteAddress: '203.0.113.7',
    });
    expect(response.statusCode).toBe(302);
    // A 302 renders nothing: the hottest route skips the security headers.
    expect(response.headers['content-security-policy']).toBeUndefined();
    const location = new URL(response.headers.location as string);
    expect(location.origin + location.pathname).toBe(
      'https://shop.example.com/welcome',
    );
    expect(location.searchParams.get('utm_source')).toBe('referral');
    expect(location.searchParams.get('ref')).toBe(code.code);
    const clickId = location.searchParams.get('click_id');
    expect(String(response.headers['set-cookie'])).toContain(
      `adv_click=${clickId}`,
    );

    await drain();
    const click = await db
      .getRepository(ReferralClick)
      .findOneByOrFail({ clickId: clickId as string });
    expect(click).toMatchObject({
      codeId: code.id,
      isBot: false,
      isUnique: true,
      referrer: 'https://social.example/post/1',
    });
    expect(click.ipHash).not.toContain('203.0.113.7');
  });

  it('counts a repeat from the same address and agent once as unique, and bots apart', async () => {
    const visit = (ip: string, agent: string) =>
      app.inject({
        method: 'GET',
        url: `/r/${code.code}`,
        headers: { 'user-agent': agent },
        remoteAddress: ip,
      });
    await visit('198.51.100.1', BROWSER);
    await visit('198.51.100.1', BROWSER);
    await visit('198.51.100.2', BROWSER);
    await visit(
      '198.51.100.3',
      'Googlebot/2.1 (+http://www.google.com/bot.html)',
    );
    await drain();
    const today = new Date().toISOString().slice(0, 10);
    const daily = await db
      .getRepository(ReferralClickDaily)
      .findOneByOrFail({ codeId: code.id, day: today });
    const clicks = await db
      .getRepository(ReferralClick)
      .countBy({ codeId: code.id });
    expect(daily.clicks).toBe(clicks);
    expect(
      await db
        .getRepository(ReferralClick)
        .countBy({ codeId: code.id, isBot: true }),
    ).toBe(1);
    expect(daily.botClicks).toBe(1);
    // Three unique visitors so far: the first test's, .1 (once) and .2.
    expect(daily.uniqueClicks).toBe(3);
  });

  it('writes a click once even when its stream entry is delivered twice', async () => {
    const redis = app.get<Redis>(REDIS);
    const clickId = randomUUID();
    const fields = {
      id: clickId,
      code: code.id,
      prog: code.programmeId,
      at: String(Date.now()),
      ip: 'x',
      ua: BROWSER,
      ref: '',
    };
    await redis.xadd(CLICK_STREAM, '*', ...Object.entries(fields).flat());
    await redis.xadd(CLICK_STREAM, '*', ...Object.entries(fields).flat());
    await drain();
    expect(await db.getRepository(ReferralClick).countBy({ clickId })).toBe(1);
  });

  it.each([
    ['an unknown code', '/r/no-such-code'],
    ['a code with path tricks', '/r/..%2F..%2Fetc%2Fpasswd'],
    ['a 10 kB code', `/r/${'a'.repeat(10_000)}`],
  ])('answers %s with the friendly page, never a 500', async (_name, url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('This referral link is not active');
  });

  it('refuses a disabled code', async () => {
    const { id: _id, ...rest } = code;
    const disabled = await db.getRepository(ReferralCode).save({
      ...rest,
      code: `off${randomUUID().slice(0, 6)}`,
      isVanity: true,
      disabledAt: new Date(),
    });
    const response = await app.inject({
      method: 'GET',
      url: `/r/${disabled.code}`,
    });
    expect(response.statusCode).toBe(404);
  });
});
