import { NotificationPage } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { NotificationsService } from './notifications.service';

describe('notifications (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const list = (user: TestUser) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/notifications?pageSize=2',
      headers: bearer(user),
    });

  it('lists only my own notifications with an unread count, and marks them read', async () => {
    const advocate = await createUser(app, 'advocate');
    const other = await createUser(app, 'advocate');
    const service = app.get(NotificationsService);
    // All in one transaction: they still come back newest first.
    const created = await db.transaction(async (manager) => {
      const out = [];
      for (const title of ['One', 'Two', 'Three'])
        out.push(
          await service.notify(manager, {
            customerId: advocate.customerId,
            kind: 'test',
            title,
            body: 'Hello',
            link: title === 'One' ? 'https://evil.example/' : '/advocate',
          }),
        );
      return out;
    });
    expect(created[0].link).toBeNull();
    const page = (await list(advocate)).json<NotificationPage>();
    expect(page).toMatchObject({ total: 3, unread: 3, pageSize: 2 });
    expect(page.items.map((n) => n.title)).toEqual(['Three', 'Two']);
    expect((await list(other)).json<NotificationPage>()).toMatchObject({
      total: 0,
      unread: 0,
    });

    const foreign = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${created[0].id}/read`,
      headers: bearer(other),
    });
    expect(foreign.statusCode).toBe(404);
    const read = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${created[0].id}/read`,
      headers: bearer(advocate),
    });
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await list(advocate)).json<NotificationPage>().unread).toBe(2);
    const all = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: bearer(advocate),
    });
    expect(all.json()).toEqual({ updated: 2 });
    expect((await list(advocate)).json<NotificationPage>().unread).toBe(0);
  });

  it('refuses anonymous callers', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
    });
    expect(response.statusCode).toBe(401);
  });
});
