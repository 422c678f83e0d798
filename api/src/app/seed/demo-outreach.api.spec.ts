import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { DEMO_SEND_ID, DEMO_TEMPLATES } from './demo-outreach';
import { SeedService } from './seed.service';

describe('demo outreach seed (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const snapshot = async () => ({
    // Other suites create templates in the same database meanwhile: only the seeded ones count.
    templates: (await db.query(
      `SELECT purpose, audience FROM outreach_templates WHERE name = ANY($1) ORDER BY purpose`,
      [DEMO_TEMPLATES.map((t) => t.name)],
    )) as {
      purpose: string;
      audience: string;
    }[],
    send: (
      await db.query(
        `SELECT status, recipient_count, sent_count, failed_count, skipped_count FROM outreach_sends WHERE id = $1`,
        [DEMO_SEND_ID],
      )
    )[0] as {
      status: string;
      recipient_count: number;
      sent_count: number;
      failed_count: number;
      skipped_count: number;
    },
    clicks: (
      await db.query(
        `SELECT count(*)::int AS n FROM outreach_clicks WHERE send_id = $1`,
        [DEMO_SEND_ID],
      )
    )[0].n as number,
  });

  it('adds one template per purpose and a finished send with history, once', async () => {
    await app.get(SeedService).run();
    const first = await snapshot();
    expect(first.templates.map((t) => `${t.purpose}:${t.audience}`)).toEqual([
      'ambassador_invitation:promoter',
      'apology_follow_up:detractor',
      'feedback_request:passive',
      'public_review_request:all',
      'referral_invitation:promoter',
      'testimonial_request:promoter',
    ]);
    expect(first.send.status).toBe('completed');
    expect(first.send.sent_count).toBeGreaterThan(10);
    expect(first.send.skipped_count).toBeGreaterThan(0);
    expect(first.send.recipient_count).toBe(
      first.send.sent_count +
        first.send.failed_count +
        first.send.skipped_count,
    );
    expect(first.clicks).toBeGreaterThan(0);
    // Only history: no message is waiting to go out.
    const waiting = await db.query(
      `SELECT count(*)::int AS n FROM outreach_messages WHERE send_id = $1 AND status IN ('queued', 'sending')`,
      [DEMO_SEND_ID],
    );
    expect(waiting[0].n).toBe(0);

    await app.get(SeedService).run();
    expect(await snapshot()).toEqual(first);
  });
});
