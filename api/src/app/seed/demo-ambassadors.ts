import {
  applicationScore,
  ApplicationState,
  DEFAULT_DECISION_TEMPLATES,
  fillTemplate,
  FormField,
  RejectionReason,
} from '@advocacy/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AmbassadorApplicationEvent } from '../ambassadors/entities/ambassador-application-event.entity';
import { AmbassadorApplication } from '../ambassadors/entities/ambassador-application.entity';
import { AmbassadorFormVersion } from '../ambassadors/entities/ambassador-form-version.entity';
import { AmbassadorPerk } from '../ambassadors/entities/ambassador-perk.entity';
import { AmbassadorProgramme } from '../ambassadors/entities/ambassador-programme.entity';
import { AmbassadorTrainingModule } from '../ambassadors/entities/ambassador-training-module.entity';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';

export const DEMO_AMBASSADOR_SLUG = 'insiders';
const DAY = 86_400_000;

const FIELDS: FormField[] = [
  {
    key: 'why',
    type: 'long_text',
    label: 'Why would you like to be an Insider?',
    help: 'A few sentences is plenty.',
    required: true,
    maxLength: 1500,
  },
  {
    key: 'channels',
    type: 'multi_choice',
    label: 'Where do you talk about products you love?',
    required: true,
    options: ['Instagram', 'TikTok', 'YouTube', 'Blog', 'Friends and family'],
  },
  {
    key: 'instagram',
    type: 'social_handle',
    label: 'Instagram handle',
    required: false,
    platform: 'instagram',
  },
  {
    key: 'audience',
    type: 'single_choice',
    label: 'Roughly how many people follow you?',
    required: false,
    options: ['Under 1,000', '1,000–10,000', 'Over 10,000'],
  },
  {
    key: 'website',
    type: 'url',
    label: 'Blog or website',
    required: false,
  },
  {
    key: 'consent',
    type: 'consent',
    label: 'I agree to disclose that I am a brand ambassador when I post',
    required: true,
  },
];

const WHY = [
  'I recommend you to everyone — my sister switched last month!',
  'Your support team fixed my order in ten minutes. I want to help others find you.',
  'I post weekly reviews and your products are the ones my followers ask about.',
  'Long-time customer, love the quality and the people.',
  'I run a small blog about sustainable living and you fit right in.',
  'I already make unboxing videos for fun.',
  'Happy to give honest feedback on new products before launch.',
  'My running club asks me where I get my gear.',
];

/** state and, for rejections, the reason; spread across the board's filters. */
const PLAN: { state: ApplicationState; reason?: RejectionReason }[] = [
  { state: 'approved' },
  { state: 'approved' },
  { state: 'approved' },
  { state: 'approved' },
  { state: 'submitted' },
  { state: 'submitted' },
  { state: 'submitted' },
  { state: 'in_review' },
  { state: 'in_review' },
  { state: 'waitlisted' },
  { state: 'waitlisted' },
  { state: 'rejected', reason: 'audience_fit' },
  { state: 'rejected', reason: 'incomplete' },
  { state: 'withdrawn' },
];

const MODULES = [
  {
    title: 'Welcome to Insiders',
    summary: 'What the programme is, and what we ask of you.',
    content:
      'Thank you for joining! As an Insider you get early access and exclusive codes. In return we ask for honest posts, always marked as a partnership.',
    estimatedMinutes: 4,
  },
  {
    title: 'Disclosure done right',
    summary: 'How to tell your audience you are an ambassador.',
    content:
      'Use #ad or the platform’s paid-partnership label at the start of every post about us. Never hide it in a pile of hashtags.',
    estimatedMinutes: 6,
  },
  {
    title: 'Telling your story',
    summary: 'Tips for posts people trust.',
    content:
      'Share what you actually use and why. Photos in real life beat studio shots. Answer questions in the comments kindly and honestly.',
    estimatedMinutes: 8,
  },
];

/**
 * The "Insiders" ambassador programme: a form, eligibility (at least one qualified referral),
 * capacity, applications in every state from demo promoters, two perks,
 * three training modules with some completions, and funnel events. Skipped when it exists.
 */
export async function seedDemoAmbassadors(
  db: DataSource,
  now = new Date(),
): Promise<void> {
  const snapshots = new SegmentSnapshotService(db);
  await db.transaction(async (manager) => {
    // Two seeds at once (parallel test files) must not both create the programme.
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('demo-ambassadors'))`,
    );
    if (
      await manager
        .getRepository(AmbassadorProgramme)
        .existsBy({ slug: DEMO_AMBASSADOR_SLUG })
    )
      return;
    const programme = await manager.getRepository(AmbassadorProgramme).save({
      name: 'Insiders',
      slug: DEMO_AMBASSADOR_SLUG,
      description:
        'Our inner circle of customers who love what we do. Insiders get early access to new collections, a personal code to share, and a direct line to our product team.',
      status: 'open',
      capacity: 25,
      waitlistOrder: 'first_come',
      // The demo advocate has qualified referrals but no survey answer yet (the survey demo asks
      // for it), so the rule is referrals only; seeded applicants are promoters all the same.
      eligibility: {
        segments: [],
        npsCategories: [],
        minQualifiedReferrals: 1,
        minNps: null,
        minCustomerDays: 0,
      },
      autoApprove: { enabled: false, minScore: 140 },
      reapplyCooldownDays: 90,
      decisionTemplates: { ...DEFAULT_DECISION_TEMPLATES },
    });
    const form = await manager.getRepository(AmbassadorFormVersion).save({
      programmeId: programme.id,
      version: 1,
      fields: FIELDS,
    });
    programme.currentFormVersionId = form.id;
    await manager.getRepository(AmbassadorProgramme).save(programme);

    const candidates: { id: string; name: string; qualified: string }[] =
      await manager.query(
        `SELECT c.id, c.name, count(r.id) AS qualified FROM customers c
           JOIN customer_segments cs ON cs.customer_id = c.id AND cs.nps_category = 'promoter'
           JOIN referrals r ON r.referrer_customer_id = c.id AND r.status = 'qualified'
          WHERE c.email <> 'advocate@demo.test'
          GROUP BY c.id ORDER BY c.email LIMIT $1`,
        [PLAN.length],
      );
    const approved: string[] = [];
    for (const [i, person] of candidates.entries()) {
      const plan = PLAN[i];
      const snapshot = await snapshots.snapshotFor(person.id, manager);
      const facts = {
        segmentKey: snapshot.segmentKey,
        segmentName: snapshot.segmentName,
        npsCategory: snapshot.npsCategory,
        lastNps: snapshot.lastScore,
        qualifiedReferrals: Number(person.qualified),
        customerDays: 120 + i * 7,
      };
      const submittedAt = new Date(now.getTime() - (30 - i * 2) * DAY);
      const decided = ['approved', 'rejected', 'waitlisted'].includes(
        plan.state,
      );
      const decidedAt = decided
        ? new Date(submittedAt.getTime() + 2 * DAY)
        : null;
      const template =
        plan.state === 'approved' ||
        plan.state === 'rejected' ||
        plan.state === 'waitlisted'
          ? DEFAULT_DECISION_TEMPLATES[plan.state]
          : null;
      const message = template
        ? fillTemplate(template, {
            name: person.name.split(' ')[0],
            programme: 'Insiders',
          })
        : null;
      const channel = i % 4 === 3 ? 'public' : 'portal';
      const app = await manager.getRepository(AmbassadorApplication).save({
        programmeId: programme.id,
        formVersionId: form.id,
        customerId: person.id,
        state: plan.state,
        channel,
        // Public applicants confirm within the hour; undecided ones may still wait, so reviewers see both.
        emailConfirmedAt:
          channel === 'portal'
            ? submittedAt
            : plan.state === 'submitted' || plan.state === 'in_review'
              ? null
              : new Date(submittedAt.getTime() + DAY / 24),
        answers: {
          why: WHY[i % WHY.length],
          channels:
            i % 2 === 0 ? ['Instagram', 'Friends and family'] : ['TikTok'],
          ...(i % 3 === 0
            ? { instagram: `@${person.name.split(' ')[0].toLowerCase()}.loves` }
            : {}),
          audience: ['Under 1,000', '1,000–10,000', 'Over 10,000'][i % 3],
          consent: true,
        },
        segmentSnapshot: snapshot,
        segmentKey: snapshot.segmentKey,
        score: applicationScore(facts),
        facts,
        reasonCode: plan.reason ?? null,
        decisionMessage: message,
        submittedAt,
        decidedAt,
        waitlistedAt: plan.state === 'waitlisted' ? decidedAt : null,
      });
      await history(manager, app, plan.state, submittedAt, message);
      if (plan.state === 'approved') {
        approved.push(person.id);
        await manager.query(
          `UPDATE customers SET ambassador_since = coalesce(ambassador_since, $2) WHERE id = $1`,
          [person.id, decidedAt],
        );
      }
    }

    const code = await manager.getRepository(AmbassadorPerk).save({
      programmeId: programme.id,
      kind: 'code',
      title: '25% off, just for you',
      description: 'A personal one-time code for anything in the shop.',
      startsAt: null,
      endsAt: null,
      link: null,
      reward: null,
    });
    await manager.query(
      `INSERT INTO ambassador_perk_codes (perk_id, code)
       SELECT $1, 'INSIDER-' || upper(substr(md5(random()::text), 1, 6)) FROM generate_series(1, 20)
       ON CONFLICT DO NOTHING`,
      [code.id],
    );
    await manager.getRepository(AmbassadorPerk).save({
      programmeId: programme.id,
      kind: 'early_access',
      title: 'Spring collection preview',
      description: 'Shop the spring collection a week before everyone else.',
      startsAt: new Date(now.getTime() - 2 * DAY),
      endsAt: new Date(now.getTime() + 12 * DAY),
      link: 'https://shop.example.com/spring-preview',
      reward: null,
    });
    const modules = await manager.getRepository(AmbassadorTrainingModule).save(
      MODULES.map((m, position) => ({
        ...m,
        programmeId: programme.id,
        position: position + 1,
      })),
    );
    // Everyone finished the welcome, half the disclosure module, one the last.
    for (const [i, customerId] of approved.entries()) {
      const done = i === 0 ? 3 : i < approved.length / 2 + 1 ? 2 : 1;
      for (const m of modules.slice(0, done))
        await manager.query(
          `INSERT INTO ambassador_training_completions (module_id, customer_id, completed_at)
           VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [m.id, customerId, new Date(now.getTime() - (10 - i) * DAY)],
        );
    }
    await seedFunnel(manager, programme.id, now);
  });
}

async function history(
  manager: EntityManager,
  app: AmbassadorApplication,
  state: ApplicationState,
  submittedAt: Date,
  message: string | null,
): Promise<void> {
  const steps: [ApplicationState, ApplicationState][] = [
    ['draft', 'submitted'],
  ];
  if (state === 'in_review' || state === 'approved' || state === 'rejected')
    steps.push(['submitted', 'in_review']);
  if (state === 'approved' || state === 'rejected')
    steps.push(['in_review', state]);
  if (state === 'waitlisted' || state === 'withdrawn')
    steps.push(['submitted', state]);
  for (const [i, [from, to]] of steps.entries())
    await manager.getRepository(AmbassadorApplicationEvent).insert({
      applicationId: app.id,
      kind: 'transition',
      fromState: from,
      toState: to,
      body:
        i === steps.length - 1 && to !== 'submitted'
          ? to === 'withdrawn'
            ? 'Withdrawn by you'
            : message
          : null,
      at: new Date(submittedAt.getTime() + i * DAY),
    });
}

/** Page visits and started forms: anonymous visitors and signed-in customers by segment. */
async function seedFunnel(
  manager: EntityManager,
  programmeId: string,
  now: Date,
): Promise<void> {
  const segments: { segment_key: string; n: string }[] = await manager.query(
    `SELECT segment_key, count(*) AS n FROM customer_segments GROUP BY 1`,
  );
  const rows: {
    stage: string;
    visitorId: string;
    segmentKey: string | null;
  }[] = [];
  for (const { segment_key, n } of segments) {
    const visits = Math.max(
      2,
      Math.round(Number(n) / (segment_key === 'promoters' ? 4 : 12)),
    );
    for (let i = 0; i < visits; i += 1) {
      const visitorId = randomUUID();
      rows.push({ stage: 'visited', visitorId, segmentKey: segment_key });
      if (i % (segment_key === 'promoters' ? 2 : 4) === 0)
        rows.push({ stage: 'started', visitorId, segmentKey: segment_key });
    }
  }
  for (let i = 0; i < 40; i += 1) {
    const visitorId = `v:${randomUUID()}`;
    rows.push({ stage: 'visited', visitorId, segmentKey: null });
    if (i % 5 === 0)
      rows.push({ stage: 'started', visitorId, segmentKey: null });
  }
  for (const [i, row] of rows.entries())
    await manager.query(
      `INSERT INTO ambassador_funnel_events (programme_id, stage, visitor_id, segment_key, at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [
        programmeId,
        row.stage,
        row.visitorId,
        row.segmentKey,
        new Date(now.getTime() - (i % 30) * DAY),
      ],
    );
}
