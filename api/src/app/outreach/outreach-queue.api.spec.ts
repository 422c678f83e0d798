import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { SmtpListener, startSmtpListener } from '../mail/testing/smtp-listener';
import { activeProgramme } from '../referrals/programmes/testing/programme-fixtures';
import { createCustomer, createTemplate } from './testing/outreach-fixtures';

/** The whole path with real workers: API → outreach queue → SMTP, now and as a delayed job. */
describe('outreach queue (API with workers)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let smtp: SmtpListener;
  let brand: TestUser;
  let templateId: string;
  let programmeId: string;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    process.env['SMTP_HOST'] = '127.0.0.1';
    process.env['SMTP_PORT'] = String(smtp.port);
    process.env['RUN_WORKERS'] = 'true';
    app = await createTestApp();
    db = app.get(DataSource);
    brand = await createUser(app, 'brand');
    const manager = await createUser(app, 'manager');
    programmeId = await activeProgramme(app, manager);
    templateId = await createTemplate(app, brand);
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
    process.env['RUN_WORKERS'] = 'false';
  });

  const send = (customerIds: string[], scheduledAt?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/outreach/sends',
      headers: bearer(brand),
      payload: {
        templateId,
        programmeId,
        scheduledAt,
        audience: { npsCategories: [], segmentKeys: [], customerIds },
      },
    });
  const waitForStatus = async (id: string, status: string) => {
    for (let i = 0; i < 100; i += 1) {
      const view = await app.inject({
        method: 'GET',
        url: `/api/v1/outreach/sends/${id}`,
        headers: bearer(brand),
      });
      if (view.json().status === status) return view.json();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Send ${id} never reached ${status}`);
  };

  it('delivers a send through the queue right away', async () => {
    const ids = [
      await createCustomer(db),
      await createCustomer(db),
      await createCustomer(db),
    ];
    const before = smtp.received.length;
    const created = await send(ids);
    expect(created.statusCode).toBe(201);
    const report = await waitForStatus(created.json().id, 'completed');
    expect(report.counts).toMatchObject({ recipients: 3, sent: 3, queued: 0 });
    await smtp.waitFor(before + 3);
  });

  it('holds a scheduled send until its time, then delivers it', async () => {
    const customer = await createCustomer(db);
    const before = smtp.received.length;
    const created = await send(
      [customer],
      new Date(Date.now() + 1500).toISOString(),
    );
    expect(created.json().status).toBe('scheduled');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.length).toBe(before);
    await waitForStatus(created.json().id, 'completed');
    expect(smtp.received.length).toBe(before + 1);
  });
});
