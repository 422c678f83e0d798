import {
  ApplicationDetail,
  ApplicationRow,
  BulkDecisionResult,
  DecisionResult,
  MyAmbassadorProgramme,
  Page,
  PerkView,
  TrainingModuleView,
} from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../test/test-app';
import {
  GOOD_ANSWERS,
  openProgramme,
  setSegment,
  addQualifiedReferrals,
} from './testing/ambassador-fixtures';

const BASE = '/api/v1';

describe('ambassador review, perks and training (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let manager: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  const call = (
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `${BASE}/${url}`,
      headers: bearer(user),
      ...(payload ? { payload } : {}),
    });

  /** A promoter who has applied; returns the advocate and the application id. */
  const applicant = async (
    programmeId: string,
    score = 10,
    referrals = 1,
  ): Promise<{ advocate: TestAdvocate; id: string }> => {
    const advocate = await createUser(app, 'advocate');
    await setSegment(db, advocate.customerId, 'promoters', score);
    await addQualifiedReferrals(db, advocate.customerId, referrals);
    const response = await call(
      advocate,
      'POST',
      `ambassadors/programmes/${programmeId}/apply`,
      {
        answers: GOOD_ANSWERS,
      },
    );
    if (response.statusCode !== 200) throw new Error(response.body);
    return {
      advocate,
      id: response.json<MyAmbassadorProgramme>().application?.id ?? '',
    };
  };

  const decide = (id: string, payload: object, user: TestUser = manager) =>
    call(user, 'POST', `ambassador-applications/${id}/decision`, payload);

  it('moves an application through review to approval: audited, notified, ambassador_since set', async () => {
    const programme = await openProgramme(app, manager);
    const { advocate, id } = await applicant(programme.id);
    expect(
      (await decide(id, { decision: 'review' }, advocate)).statusCode,
    ).toBe(403);
    expect(
      (await decide(id, { decision: 'review' })).json<DecisionResult>().state,
    ).toBe('in_review');
    const approved = await decide(id, { decision: 'approve' });
    expect(approved.json<DecisionResult>()).toEqual({
      id,
      state: 'approved',
      waitlistedForCapacity: false,
    });
    const [customer] = await db.query(
      `SELECT ambassador_since FROM customers WHERE id = $1`,
      [advocate.customerId],
    );
    expect(customer.ambassador_since).not.toBeNull();
    const audit = await db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'ambassador_application.submitted',
      'ambassador_application.in_review',
      'ambassador_application.approved',
    ]);
    const mine = await call(
      advocate,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(mine.json<MyAmbassadorProgramme>()).toMatchObject({
      isAmbassador: true,
      application: { state: 'approved' },
    });
    expect(
      mine.json<MyAmbassadorProgramme>().application?.decisionMessage,
    ).toContain('Welcome aboard');
    const notes = await call(advocate, 'GET', 'notifications');
    expect(notes.json().items[0].title).toContain("You're in");
    // Review is not a decision; approval is, and subscribed systems hear of it once.
    const published = await db.query(
      `SELECT data FROM webhook_events WHERE type = 'application.decided' AND data ->> 'applicationId' = $1`,
      [id],
    );
    expect(published.map((e: { data: object }) => e.data)).toEqual([
      {
        applicationId: id,
        programmeId: programme.id,
        customerId: advocate.customerId,
        decision: 'approved',
        reasonCode: null,
      },
    ]);
    const again = await decide(id, { decision: 'approve' });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe(
      'An application that is approved cannot be approved',
    );
  });

  it('requires a reason to reject, uses the template, and enforces the reapply cooldown', async () => {
    const programme = await openProgramme(app, manager, {
      reapplyCooldownDays: 30,
    });
    const { advocate, id } = await applicant(programme.id);
    const noReason = await decide(id, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual({
      reasonCode: 'is required to reject',
    });
    const rejected = await decide(id, {
      decision: 'reject',
      reasonCode: 'audience_fit',
      message: 'Not this season, sorry.',
    });
    expect(rejected.json<DecisionResult>().state).toBe('rejected');
    const mine = await call(
      advocate,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(mine.json<MyAmbassadorProgramme>().application).toMatchObject({
      state: 'rejected',
      decisionMessage: 'Not this season, sorry.',
      canReapply: false,
    });
    const retry = await call(
      advocate,
      'POST',
      `ambassadors/programmes/${programme.id}/apply`,
      { answers: GOOD_ANSWERS },
    );
    expect(retry.statusCode).toBe(422);
    expect(retry.json().message).toMatch(
      /^You can apply again from \d{4}-\d{2}-\d{2}$/,
    );

    await db.query(
      `UPDATE ambassador_applications SET decided_at = now() - interval '31 days' WHERE id = $1`,
      [id],
    );
    const later = await call(
      advocate,
      'POST',
      `ambassadors/programmes/${programme.id}/apply`,
      { answers: GOOD_ANSWERS },
    );
    expect(later.statusCode).toBe(200);

    const never = await openProgramme(app, manager, {
      reapplyCooldownDays: null,
    });
    const second = await applicant(never.id);
    await decide(second.id, { decision: 'reject', reasonCode: 'other' });
    const refused = await call(
      second.advocate,
      'POST',
      `ambassadors/programmes/${never.id}/apply`,
      { answers: GOOD_ANSWERS },
    );
    expect(refused.json().message).toBe(
      'This programme does not take new applications after a decision',
    );
  });

  it('waitlists approvals once full, never overfills under concurrency, and invites the next in score order', async () => {
    const programme = await openProgramme(app, manager, {
      capacity: 1,
      waitlistOrder: 'score',
    });
    const a = await applicant(programme.id, 9, 0);
    const b = await applicant(programme.id, 10, 3);
    const c = await applicant(programme.id, 10, 0);
    const raced = await Promise.all(
      [a, b, c].map((x) => decide(x.id, { decision: 'approve' })),
    );
    const states = raced.map((r) => r.json<DecisionResult>());
    expect(states.filter((s) => s.state === 'approved')).toHaveLength(1);
    expect(states.filter((s) => s.waitlistedForCapacity)).toHaveLength(2);

    const approved = states.find((s) => s.state === 'approved');
    const full = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/invite-next`,
      { count: 1 },
    );
    expect(full.statusCode).toBe(422);
    expect(full.json().errors).toEqual({ count: 'no places are free' });
    const promote = await decide(
      states.find((s) => s.state === 'waitlisted')?.id ?? '',
      { decision: 'approve' },
    );
    expect(promote.statusCode).toBe(422);
    expect(promote.json().errors).toEqual({ capacity: 'is reached' });

    const revoked = await call(
      manager,
      'POST',
      `ambassador-applications/${approved?.id}/revoke`,
    );
    expect(revoked.json<ApplicationDetail>().revokedAt).not.toBeNull();
    const invited = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/invite-next`,
      { count: 5 },
    );
    expect(invited.statusCode).toBe(200);
    const waitlistedIds = states
      .filter((s) => s.state === 'waitlisted')
      .map((s) => s.id);
    const byScore = waitlistedIds.includes(b.id) ? b.id : c.id;
    expect(invited.json<DecisionResult[]>()).toEqual([
      { id: byScore, state: 'approved', waitlistedForCapacity: false },
    ]);
  });

  it('invites from a first-come waitlist in the order people were waitlisted', async () => {
    const programme = await openProgramme(app, manager, { capacity: 1 });
    const first = await applicant(programme.id);
    const early = await applicant(programme.id, 9, 0);
    const late = await applicant(programme.id, 10, 5);
    await decide(first.id, { decision: 'approve' });
    await decide(early.id, { decision: 'waitlist' });
    await decide(late.id, { decision: 'waitlist' });
    await call(manager, 'POST', `ambassador-applications/${first.id}/revoke`);
    const invited = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/invite-next`,
      { count: 2 },
    );
    expect(invited.json<DecisionResult[]>().map((r) => r.id)).toEqual([
      early.id,
    ]);
    const empty = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/invite-next`,
      { count: 0 },
    );
    expect(empty.json().errors).toEqual({ count: 'must be between 1 and 200' });
  });

  it('clears ambassador status on revoke and shows the waitlist position to the applicant', async () => {
    const programme = await openProgramme(app, manager, { capacity: 1 });
    const first = await applicant(programme.id);
    const second = await applicant(programme.id);
    const third = await applicant(programme.id);
    await decide(first.id, { decision: 'approve' });
    await decide(second.id, { decision: 'waitlist' });
    await decide(third.id, { decision: 'approve' });
    const view = await call(
      third.advocate,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(view.statusCode).toBe(200);
    expect(view.json<MyAmbassadorProgramme>().application).toMatchObject({
      state: 'waitlisted',
      waitlistPosition: 2,
    });
    await call(manager, 'POST', `ambassador-applications/${first.id}/revoke`);
    const [customer] = await db.query(
      `SELECT ambassador_since FROM customers WHERE id = $1`,
      [first.advocate.customerId],
    );
    expect(customer.ambassador_since).toBeNull();
    const again = await call(
      manager,
      'POST',
      `ambassador-applications/${first.id}/revoke`,
    );
    expect(again.statusCode).toBe(422);
  });

  it('filters the board, shows reviewer context and notes, and applies bulk decisions one by one', async () => {
    const programme = await openProgramme(app, manager);
    const low = await applicant(programme.id, 9, 0);
    const high = await applicant(programme.id, 10, 2);
    const board = await call(
      manager,
      'GET',
      `ambassador-programmes/${programme.id}/applications?minScore=100&sort=score`,
    );
    expect(board.json<Page<ApplicationRow>>().items.map((r) => r.id)).toEqual([
      high.id,
    ]);
    const bySegment = await call(
      manager,
      'GET',
      `ambassador-programmes/${programme.id}/applications?segment=passives`,
    );
    expect(bySegment.json<Page<ApplicationRow>>().total).toBe(0);
    const badFilter = await call(
      manager,
      'GET',
      `ambassador-programmes/${programme.id}/applications?state=lost&from=yesterday`,
    );
    expect(Object.keys(badFilter.json().errors).sort()).toEqual([
      'from',
      'state',
    ]);

    const noted = await call(
      manager,
      'POST',
      `ambassador-applications/${high.id}/notes`,
      { body: 'Strong creator.' },
    );
    const detail = noted.json<ApplicationDetail>();
    expect(detail.notes).toEqual([
      expect.objectContaining({
        body: 'Strong creator.',
        authorEmail: manager.email,
      }),
    ]);
    expect(detail.referrals).toMatchObject({ qualified: 2 });
    expect(detail.currentSegment.segmentKey).toBe('promoters');
    const mine = await call(
      high.advocate,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(JSON.stringify(mine.json())).not.toContain('Strong creator');

    const other = await openProgramme(app, manager);
    const stranger = await applicant(other.id);
    const bulk = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/applications/bulk`,
      {
        ids: [low.id, high.id, stranger.id],
        decision: 'waitlist',
      },
    );
    const results = bulk.json<BulkDecisionResult>().results;
    expect(results[0]).toMatchObject({ id: low.id, state: 'waitlisted' });
    expect(results[1]).toMatchObject({ id: high.id, state: 'waitlisted' });
    expect(results[2]).toEqual({
      id: stranger.id,
      error: 'Application was not found in this programme',
    });
  });

  it('hands each exclusive code out once, grants reward perks through the ledger, and tracks training', async () => {
    const programme = await openProgramme(app, manager);
    const codePerk = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/perks`,
      {
        kind: 'code',
        title: '30% off',
        description: 'Your personal code',
      },
    );
    expect(codePerk.statusCode).toBe(201);
    const perkId = codePerk.json<PerkView>().id;
    const imported = await call(
      manager,
      'POST',
      `ambassador-perks/${perkId}/codes`,
      { codes: 'code\nAAA-1\nAAA-2, AAA-2\n' },
    );
    expect(imported.json()).toEqual({ added: 2, duplicates: 1, codesLeft: 2 });
    const rewardPerk = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/perks`,
      {
        kind: 'reward',
        title: 'Welcome points',
        description: '500 points',
        reward: { type: 'points', amount: 500, currency: null },
      },
    );
    const badPerk = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/perks`,
      {
        kind: 'early_access',
        title: 'Preview',
        description: '',
        link: 'javascript:alert(1)',
      },
    );
    expect(badPerk.json().errors).toMatchObject({
      startsAt: 'is required for early access',
      link: expect.any(String),
    });

    const ambassadors = [
      await applicant(programme.id),
      await applicant(programme.id),
      await applicant(programme.id),
    ];
    for (const a of ambassadors) await decide(a.id, { decision: 'approve' });
    const outsider = await createUser(app, 'advocate');
    expect(
      (await call(outsider, 'POST', `ambassadors/perks/${perkId}/claim`))
        .statusCode,
    ).toBe(404);

    const claims = await Promise.all(
      ambassadors.map((a) =>
        call(a.advocate, 'POST', `ambassadors/perks/${perkId}/claim`),
      ),
    );
    const codes = claims
      .filter((c) => c.statusCode === 200)
      .map((c) => c.json<PerkView>().claimed?.code);
    expect(codes.sort()).toEqual(['AAA-1', 'AAA-2']);
    expect(claims.filter((c) => c.statusCode === 422)).toHaveLength(1);
    const repeat = await call(
      ambassadors[0].advocate,
      'POST',
      `ambassadors/perks/${perkId}/claim`,
    );
    if (repeat.statusCode === 200)
      expect(codes).toContain(repeat.json<PerkView>().claimed?.code);

    const reward = await call(
      ambassadors[0].advocate,
      'POST',
      `ambassadors/perks/${rewardPerk.json().id}/claim`,
    );
    await call(
      ambassadors[0].advocate,
      'POST',
      `ambassadors/perks/${rewardPerk.json().id}/claim`,
    );
    const rows = await db.query(
      `SELECT source, amount FROM rewards WHERE customer_id = $1`,
      [ambassadors[0].advocate.customerId],
    );
    expect(rows).toEqual([{ source: 'ambassador', amount: '500' }]);
    expect(reward.json<PerkView>().claimed?.rewardId).toEqual(
      expect.any(String),
    );

    const module = await call(
      manager,
      'POST',
      `ambassador-programmes/${programme.id}/training`,
      {
        title: 'Brand voice',
        summary: 'How we talk',
        content: 'Be kind.',
        estimatedMinutes: 5,
      },
    );
    const moduleId = module.json<TrainingModuleView>().id;
    expect(
      (
        await call(
          outsider,
          'POST',
          `ambassadors/training/${moduleId}/complete`,
        )
      ).statusCode,
    ).toBe(404);
    const done = await call(
      ambassadors[1].advocate,
      'POST',
      `ambassadors/training/${moduleId}/complete`,
    );
    expect(done.json<TrainingModuleView>().completedAt).toEqual(
      expect.any(String),
    );
    const rates = await call(
      manager,
      'GET',
      `ambassador-programmes/${programme.id}/training`,
    );
    expect(rates.json<TrainingModuleView[]>()[0]).toMatchObject({
      completions: 1,
      completionRate: 33,
    });
    const directory = await call(
      manager,
      'GET',
      `ambassador-programmes/${programme.id}/ambassadors`,
    );
    expect(directory.json().total).toBe(3);
  });

  it('auto-approves high scores when the programme asks for it', async () => {
    const programme = await openProgramme(app, manager, {
      autoApprove: { enabled: true, minScore: 100 },
    });
    const { advocate } = await applicant(programme.id, 10, 0);
    const view = await call(
      advocate,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(view.json<MyAmbassadorProgramme>().application?.state).toBe(
      'approved',
    );
    const low = await applicant(programme.id, 9, 0);
    const lowView = await call(
      low.advocate,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(lowView.json<MyAmbassadorProgramme>().application?.state).toBe(
      'submitted',
    );
  });
});
