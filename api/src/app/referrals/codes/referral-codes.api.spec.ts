import { MyProgramme, MyReferrals, ReferralFunnel } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../../test/test-app';
import { ReferralCode } from '../entities/referral-code.entity';
import {
  activeProgramme,
  setSegment,
} from '../programmes/testing/programme-fixtures';
import { CODE_ALPHABET } from './code-generator';

describe('referral codes and share page (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let manager: TestUser;
  let openId: string;
  let promotersOnlyId: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
    openId = await activeProgramme(app, manager);
    promotersOnlyId = await activeProgramme(app, manager, {
      eligibleSegments: ['promoters', 'passives'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const my = async (user: TestUser) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/referrals/my',
      headers: bearer(user),
    });
    expect(response.statusCode).toBe(200);
    return response.json<MyReferrals>().programmes;
  };
  const find = (list: MyProgramme[], id: string) =>
    list.find((p) => p.programmeId === id) as MyProgramme;
  const setVanity = (user: TestUser, programmeId: string, code: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/v1/referrals/my/vanity',
      headers: bearer(user),
      payload: { programmeId, code },
    });

  it('makes one unguessable code on first visit, stamped with the segment snapshot', async () => {
    const advocate = await createUser(app, 'advocate');
    await setSegment(db, advocate.customerId, 'promoters', 'promoter');
    const first = find(await my(advocate), openId);
    expect(first.eligible).toBe(true);
    expect(first.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    expect(first.shareUrl).toMatch(new RegExp(`/r/${first.code}$`));
    const second = find(await my(advocate), openId);
    expect(second.code).toBe(first.code);
    const stored = await db.getRepository(ReferralCode).findBy({
      customerId: advocate.customerId,
      programmeId: openId,
    });
    expect(stored).toHaveLength(1);
    expect(stored[0].segmentKey).toBe('promoters');
    expect(stored[0].segmentSnapshot).toMatchObject({
      segmentKey: 'promoters',
      npsCategory: 'promoter',
    });
  });

  it('explains in plain words why a detractor is not eligible, and makes no code', async () => {
    const advocate = await createUser(app, 'advocate');
    await setSegment(db, advocate.customerId, 'detractors', 'detractor');
    const entry = find(await my(advocate), promotersOnlyId);
    expect(entry).toMatchObject({
      eligible: false,
      code: null,
      shareUrl: null,
      reason: 'This programme is open to promoters and passives',
    });
    const codes = await db.getRepository(ReferralCode).countBy({
      customerId: advocate.customerId,
      programmeId: promotersOnlyId,
    });
    expect(codes).toBe(0);
    const refused = await setVanity(advocate, promotersOnlyId, 'my-code-1');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.programmeId).toMatch(/open to promoters/);
  });

  describe('vanity codes', () => {
    let advocate: TestAdvocate;

    beforeAll(async () => {
      advocate = await createUser(app, 'advocate');
      await setSegment(db, advocate.customerId, 'passives', 'passive');
    });

    it.each([
      ['abc', 'must be at least 4 characters'],
      ['a'.repeat(33), 'must be at most 32 characters'],
      ['ada_lovelace', 'may only use letters, digits and hyphens'],
      ['ada lovelace', 'may only use letters, digits and hyphens'],
      ['-ada', 'may not start or end with a hyphen'],
      ['ada-', 'may not start or end with a hyphen'],
      ['Admin', 'is reserved'],
      ['support', 'is reserved'],
      ['undefined', 'is reserved'],
    ])('refuses %s', async (code, message) => {
      const response = await setVanity(advocate, openId, code);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual({ code: message });
    });

    it('refuses the programme slug as a code', async () => {
      const slug: string = (
        await db.query(`SELECT slug FROM referral_programmes WHERE id = $1`, [
          openId,
        ])
      )[0].slug;
      const response = await setVanity(advocate, openId, slug);
      expect(response.json().errors).toEqual({ code: 'is reserved' });
    });

    it('sets one vanity code, lower-cased; a new one disables the old', async () => {
      const first = `Ada-${randomUUID().slice(0, 6)}`;
      const set = await setVanity(advocate, openId, first);
      expect(set.statusCode).toBe(200);
      expect(set.json<MyProgramme>().vanityCode).toBe(first.toLowerCase());
      expect(set.json<MyProgramme>().shareUrl).toMatch(
        new RegExp(`/r/${first.toLowerCase()}$`),
      );
      const second = `ada-${randomUUID().slice(0, 6)}`;
      expect((await setVanity(advocate, openId, second)).statusCode).toBe(200);
      const vanities = await db.getRepository(ReferralCode).find({
        where: { customerId: advocate.customerId, isVanity: true },
        order: { createdAt: 'ASC' },
      });
      expect(vanities.map((v) => [v.code, v.disabledAt === null])).toEqual([
        [first.toLowerCase(), false],
        [second, true],
      ]);
      expect(find(await my(advocate), openId).vanityCode).toBe(second);
    });

    it('answers a taken code with 409, case-insensitively', async () => {
      const other = await createUser(app, 'advocate');
      const code = `taken-${randomUUID().slice(0, 6)}`;
      expect((await setVanity(other, openId, code)).statusCode).toBe(200);
      const response = await setVanity(advocate, openId, code.toUpperCase());
      expect(response.statusCode).toBe(409);
      expect(response.json().errors).toEqual({ code: 'is taken' });
    });
  });

  it('redirects a brand-new code end to end', async () => {
    const advocate = await createUser(app, 'advocate');
    const { code } = find(await my(advocate), openId);
    const response = await app.inject({ method: 'GET', url: `/r/${code}` });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toMatch(
      new RegExp(
        `^https://shop\\.example\\.com/welcome\\?ref=${code}&click_id=`,
      ),
    );
  });

  it('serves the QR code as a PNG and the funnel with clicks', async () => {
    const advocate = await createUser(app, 'advocate');
    const { code } = find(await my(advocate), openId);
    const [row] = await db.query(
      `SELECT id FROM referral_codes WHERE code = $1`,
      [code],
    );
    await db.query(
      `INSERT INTO referral_click_daily (code_id, day, programme_id, clicks, unique_clicks, bot_clicks)
       VALUES ($1, current_date, $2, 7, 4, 1), ($1, current_date - 1, $2, 3, 2, 0)`,
      [row.id, openId],
    );
    const qr = await app.inject({
      method: 'GET',
      url: `/api/v1/referrals/my/qr?programmeId=${openId}`,
      headers: bearer(advocate),
    });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/png');
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const stats = await app.inject({
      method: 'GET',
      url: `/api/v1/referrals/my/stats?programmeId=${openId}`,
      headers: bearer(advocate),
    });
    expect(stats.statusCode).toBe(200);
    const funnel = stats.json<ReferralFunnel>();
    expect(funnel).toMatchObject({ clicks: 10, uniqueClicks: 6 });
    expect(funnel.days.map((d) => d.clicks)).toEqual([3, 7]);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/referrals/my/stats?programmeId=nope',
      headers: bearer(advocate),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({ programmeId: 'must be a UUID' });
  });

  it('never shows or changes another advocate’s codes', async () => {
    const owner = await createUser(app, 'advocate');
    const intruder = await createUser(app, 'advocate');
    const ownerCode = find(await my(owner), openId).code;
    const intruderCode = find(await my(intruder), openId).code;
    expect(intruderCode).not.toBe(ownerCode);
    const vanity = `mine-${randomUUID().slice(0, 6)}`;
    expect((await setVanity(owner, openId, vanity)).statusCode).toBe(200);
    const stolen = await setVanity(intruder, openId, vanity);
    expect(stolen.statusCode).toBe(409);
    expect(find(await my(owner), openId).vanityCode).toBe(vanity);
  });

  it('keeps staff out of advocate routes', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/referrals/my',
      headers: bearer(manager),
    });
    expect(response.statusCode).toBe(403);
  });
});
