import { FraudRuleMode, FraudRuleName } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, createUser } from '../../../../test/test-app';
import { ReferralProgramme } from '../entities/referral-programme.entity';
import {
  createScheme,
  deliver,
  eventsApiKey,
  friendEmail,
  insertClick,
  purchase,
} from '../events/testing/event-fixtures';

const ENFORCE_ALL: Record<FraudRuleName, FraudRuleMode> = {
  self_referral: 'enforce',
  same_device: 'enforce',
  ip_and_agent: 'enforce',
  velocity: 'enforce',
  disposable_email: 'enforce',
};

describe('referral fraud rules and review (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let apiKey: Record<string, string>;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    apiKey = await eventsApiKey(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const send = async (payload: Record<string, unknown>) => {
    const response = await deliver(app, {
      method: 'POST',
      url: '/api/v1/events',
      headers: apiKey,
      payload,
    });
    expect(response.statusCode).toBe(202);
    return response.json<{ outcome: string; referralId: string }>();
  };

  const scheme = (
    modes: Partial<Record<FraudRuleName, FraudRuleMode>>,
    extra: Partial<ReferralProgramme['fraudRules']> = {},
  ) =>
    createScheme(app, {
      fraudRules: { modes: { ...ENFORCE_ALL, ...modes }, ...extra },
    });

  const referral = async (id: string) =>
    (
      await db.query(
        `SELECT r.status, r.reason_code, r.reason_text,
              (SELECT json_agg(json_build_object('rule', rule, 'mode', mode, 'decision', decision)) FROM fraud_reviews WHERE referral_id = r.id) AS flags
         FROM referrals r WHERE r.id = $1`,
        [id],
      )
    )[0] as {
      status: string;
      reason_code: string | null;
      reason_text: string | null;
      flags: { rule: string; mode: string; decision: string }[] | null;
    };

  const rewardCount = async (id: string) =>
    Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM rewards WHERE source = 'referral' AND source_ref = $1`,
          [id],
        )
      )[0].n,
    );

  it('rejects a self-referral through a +alias and Gmail dots, and only flags it in shadow mode', async () => {
    const enforced = await scheme({});
    await db.query(`UPDATE customers SET email = $2 WHERE id = $1`, [
      enforced.referrer.id,
      `jane.doe.${enforced.referrer.id.slice(0, 6)}@gmail.com`,
    ]);
    const alias = `janedoe${enforced.referrer.id.slice(0, 6)}+friend@googlemail.com`;
    const rejected = await send(purchase(alias, { code: enforced.code.code }));
    expect(rejected.outcome).toBe('rejected');
    expect(await referral(rejected.referralId)).toMatchObject({
      reason_code: 'self_referral',
      reason_text: 'You cannot refer yourself.',
    });

    const shadow = await scheme({ self_referral: 'shadow' });
    const email = `${shadow.referrer.email.split('@')[0]}+again@${shadow.referrer.email.split('@')[1]}`;
    const flagged = await send(purchase(email, { code: shadow.code.code }));
    expect(flagged.outcome).toBe('qualified');
    expect((await referral(flagged.referralId)).flags).toEqual([
      { rule: 'self_referral', mode: 'shadow', decision: 'flagged' },
    ]);
  });

  it('rejects temporary email addresses with plain words, or flags them in shadow mode', async () => {
    const enforced = await scheme({});
    const rejected = await send(
      purchase(`x${randomUUID().slice(0, 6)}@mailinator.com`, {
        code: enforced.code.code,
      }),
    );
    expect(await referral(rejected.referralId)).toMatchObject({
      status: 'rejected',
      reason_text: "Your friend's email address is a temporary one.",
    });
    expect(await rewardCount(rejected.referralId)).toBe(0);

    const shadow = await scheme({ disposable_email: 'shadow' });
    const flagged = await send(
      purchase(`x${randomUUID().slice(0, 6)}@mailinator.com`, {
        code: shadow.code.code,
      }),
    );
    expect(flagged.outcome).toBe('qualified');
    expect(await rewardCount(flagged.referralId)).toBe(2);
  });

  it('rejects a second friend presenting the same device cookie', async () => {
    const { code } = await scheme({});
    const clickId = await insertClick(app, code);
    expect((await send({ ...purchase(friendEmail()), clickId })).outcome).toBe(
      'qualified',
    );
    const second = await send({ ...purchase(friendEmail()), clickId });
    expect(await referral(second.referralId)).toMatchObject({
      status: 'rejected',
      reason_code: 'same_device',
    });
  });

  it('sends same address plus agent to review, but never the address alone', async () => {
    const { code } = await scheme({});
    const ipHash = randomUUID();
    const first = await insertClick(app, code, {
      ipHash,
      userAgent: 'Phone A',
    });
    await send({ ...purchase(friendEmail()), clickId: first });
    const otherAgent = await insertClick(app, code, {
      ipHash,
      userAgent: 'Laptop B',
    });
    expect(
      (await send({ ...purchase(friendEmail()), clickId: otherAgent })).outcome,
    ).toBe('qualified');
    // The last-click model credits this device's latest click, a fresh one with the same address and agent.
    const twin = await insertClick(app, code, { ipHash, userAgent: 'Phone A' });
    const held = await send({ ...purchase(friendEmail()), clickId: twin });
    expect(held.outcome).toBe('in_review');
    expect(await rewardCount(held.referralId)).toBe(0);
  });

  it('holds an advocate past the daily velocity limit for review; shadow mode only flags', async () => {
    const enforced = await scheme({}, { velocityPerAdvocatePerDay: 2 });
    for (let i = 0; i < 2; i += 1)
      await send(purchase(friendEmail(), { code: enforced.code.code }));
    expect(
      (await send(purchase(friendEmail(), { code: enforced.code.code })))
        .outcome,
    ).toBe('in_review');

    const shadow = await scheme(
      { velocity: 'shadow' },
      { velocityPerAdvocatePerDay: 1 },
    );
    await send(purchase(friendEmail(), { code: shadow.code.code }));
    const flagged = await send(
      purchase(friendEmail(), { code: shadow.code.code }),
    );
    expect(flagged.outcome).toBe('qualified');
    expect((await referral(flagged.referralId)).flags?.[0]).toMatchObject({
      rule: 'velocity',
      decision: 'flagged',
    });
  });

  describe('manager review', () => {
    async function heldReferral(): Promise<string> {
      const { code } = await scheme({}, { velocityPerAdvocatePerDay: 1 });
      await send(purchase(friendEmail(), { code: code.code }));
      const held = await send(purchase(friendEmail(), { code: code.code }));
      expect(held.outcome).toBe('in_review');
      return held.referralId;
    }

    it('lists the queue, approves (granting both rewards, audited) and rejects with a note', async () => {
      const manager = await createUser(app, 'manager');
      const approveId = await heldReferral();
      const rejectId = await heldReferral();

      const queue = await app.inject({
        method: 'GET',
        url: '/api/v1/referrals/reviews?pageSize=200',
        headers: bearer(manager),
      });
      const ids = queue.json().items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining([approveId, rejectId]));

      const approved = await app.inject({
        method: 'POST',
        url: `/api/v1/referrals/${approveId}/approve`,
        headers: bearer(manager),
        payload: { note: 'Family members, fine' },
      });
      expect(approved.json()).toEqual({ id: approveId, status: 'qualified' });
      expect(await rewardCount(approveId)).toBe(2);
      const audit = await db.query(
        `SELECT action FROM audit_log WHERE entity_id = $1`,
        [approveId],
      );
      expect(audit).toEqual([{ action: 'referral.approve' }]);

      const noNote = await app.inject({
        method: 'POST',
        url: `/api/v1/referrals/${rejectId}/reject`,
        headers: bearer(manager),
        payload: {},
      });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().errors.note).toBe('is required');
      const rejected = await app.inject({
        method: 'POST',
        url: `/api/v1/referrals/${rejectId}/reject`,
        headers: bearer(manager),
        payload: { note: 'Same household farming rewards' },
      });
      expect(rejected.json().status).toBe('rejected');
      expect(await referral(rejectId)).toMatchObject({
        reason_code: 'manager_rejected',
      });

      const twice = await app.inject({
        method: 'POST',
        url: `/api/v1/referrals/${rejectId}/approve`,
        headers: bearer(manager),
        payload: {},
      });
      expect(twice.statusCode).toBe(409);
    });

    it('keeps advocates and brand users out of the queue', async () => {
      for (const role of ['advocate', 'brand'] as const) {
        const user = await createUser(app, role);
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/referrals/reviews',
          headers: bearer(user),
        });
        expect(response.statusCode).toBe(403);
      }
    });
  });

  it('shows each advocate only their own referrals, with masked emails and plain reasons', async () => {
    const mine = await scheme({});
    const theirs = await scheme({});
    const email = `jo${randomUUID().slice(0, 6)}@example.com`;
    await send(purchase(email, { code: mine.code.code }));
    await send(
      purchase(`x${randomUUID().slice(0, 6)}@mailinator.com`, {
        code: mine.code.code,
      }),
    );
    await send(purchase(friendEmail(), { code: theirs.code.code }));

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/referrals/my/friends',
      headers: { authorization: `Bearer ${mine.advocateToken}` },
    });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(2);
    expect(
      page.items
        .map((item: { friendEmail: string }) => item.friendEmail)
        .sort(),
    ).toEqual(['j***@example.com', 'x***@mailinator.com']);
    expect(
      page.items.find((item: { status: string }) => item.status === 'rejected')
        .reasonText,
    ).toBe("Your friend's email address is a temporary one.");
    expect(JSON.stringify(page)).not.toContain(email);
  });
});
