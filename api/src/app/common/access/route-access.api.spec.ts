import { ROLES } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import {
  createTestApp,
  createUser,
  TestAdvocate,
} from '../../../../test/test-app';
import {
  approvedAmbassador,
  closedProgrammeOf,
} from '../../ambassadors/testing/ambassador-fixtures';
import { NotificationsService } from '../../notifications/notifications.service';
import { grantReward } from '../../rewards/testing/reward-fixtures';
import { createOwnedSubmission } from '../../ugc/testing/ugc-fixtures';
import { DataSource } from 'typeorm';
import { listRoutes, RouteEntry } from './route-inventory';

/**
 * Routes with a path parameter that is not an owned object: a public token or code,
 * which carries its own proof. Each needs a reason to be here.
 */
const PUBLIC_PARAM_ROUTES: Record<string, string> = {
  'GET /api/v1/survey-links/:token':
    'an HMAC-signed, expiring personal survey link',
  'POST /api/v1/survey-links/:token':
    'an HMAC-signed, expiring personal survey link; one answer per wave',
  'GET /r/:code': 'a share code is meant to be public; it only redirects',
  'GET /api/v1/events/:eventId':
    "EventsAuthGuard: the brand's events:write API key or webhook signature, as for sending it",
  'GET /api/v1/ugc/links/:token':
    'an unguessable per-campaign testimonial link; shows only the campaign brief',
  'POST /api/v1/ugc/links/:token':
    'an unguessable per-campaign testimonial link; rate limited, submissions start pending',
  'GET /api/v1/ugc/public/showcases/:slug':
    'a published showcase; only approved content with website consent',
  'GET /api/v1/ugc/public/showcases/:slug/feed.json':
    'a published showcase feed; only approved content consented for its scope',
  'GET /api/v1/ugc/media/:id':
    'served only while the content is publicly showable, or with a signed URL',
  'GET /o/:token':
    'an unguessable per-message token; it records a click and redirects',
  'GET /api/v1/outreach/unsubscribe/:token':
    'an unguessable per-message token from the email; shows a masked address only',
  'POST /api/v1/outreach/unsubscribe/:token':
    'an unguessable per-message token from the email; only withdraws consent',
  'GET /api/v1/public/ambassador-programmes/:slug':
    'a programme slug is published on purpose; drafts answer 404',
  'POST /api/v1/public/ambassador-programmes/:slug/applications':
    'public apply by email: rate-limited, reveals nothing about the email',
  'POST /api/v1/public/ambassador-programmes/:slug/events':
    'anonymous funnel counts: rate-limited, stores only a random visitor id',
};

const manager = (app: NestFastifyApplication) => createUser(app, 'manager');

/**
 * Routes an advocate may call with the id of an object they own: each entry makes such an
 * object for `owner` and returns the URL, so the test can prove another advocate is refused.
 */
const OWNED_OBJECT_FIXTURES: Record<
  string,
  (app: NestFastifyApplication, owner: TestAdvocate) => Promise<string>
> = {
  'POST /api/v1/rewards/:id/claim': async (app, owner) =>
    `/api/v1/rewards/${(await grantReward(app, owner.customerId)).id}/claim`,
  'POST /api/v1/ugc/submissions/:id/consent/revoke': async (app, owner) =>
    `/api/v1/ugc/submissions/${await createOwnedSubmission(app, owner)}/consent/revoke`,
  'GET /api/v1/ambassadors/programmes/:id': async (app, owner) =>
    `/api/v1/ambassadors/programmes/${await closedProgrammeOf(app, owner, await manager(app))}`,
  'POST /api/v1/ambassadors/programmes/:id/visit': async (app, owner) =>
    `/api/v1/ambassadors/programmes/${await closedProgrammeOf(app, owner, await manager(app))}/visit`,
  'PUT /api/v1/ambassadors/programmes/:id/draft': async (app, owner) =>
    `/api/v1/ambassadors/programmes/${await closedProgrammeOf(app, owner, await manager(app))}/draft`,
  'POST /api/v1/ambassadors/programmes/:id/apply': async (app, owner) =>
    `/api/v1/ambassadors/programmes/${await closedProgrammeOf(app, owner, await manager(app))}/apply`,
  'POST /api/v1/ambassadors/applications/:id/withdraw': async (app, owner) =>
    `/api/v1/ambassadors/applications/${(await approvedAmbassador(app, owner, await manager(app))).applicationId}/withdraw`,
  'POST /api/v1/ambassadors/perks/:id/claim': async (app, owner) =>
    `/api/v1/ambassadors/perks/${(await approvedAmbassador(app, owner, await manager(app))).perkId}/claim`,
  'POST /api/v1/ambassadors/training/:id/complete': async (app, owner) =>
    `/api/v1/ambassadors/training/${(await approvedAmbassador(app, owner, await manager(app))).moduleId}/complete`,
  'POST /api/v1/notifications/:id/read': async (app, owner) => {
    const note = await app.get(DataSource).transaction((tx) =>
      app.get(NotificationsService).notify(tx, {
        customerId: owner.customerId,
        kind: 'test',
        title: 'Hi',
        body: '',
      }),
    );
    return `/api/v1/notifications/${note.id}/read`;
  },
};

const key = (route: RouteEntry) => `${route.method} ${route.path}`;

describe('route access', () => {
  let app: NestFastifyApplication;
  let routes: RouteEntry[];

  beforeAll(async () => {
    app = await createTestApp();
    routes = listRoutes(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('declares who may call every route (reviewed like code)', () => {
    expect(
      routes.filter((route) => route.access === 'UNDECLARED').map(key),
    ).toEqual([]);
    expect(
      routes.map((route) => `${key(route)} -> ${route.access}`).join('\n'),
    ).toMatchSnapshot();
  });

  it('refuses every staff-only route to an advocate', async () => {
    const advocate = await createUser(app, 'advocate');
    const staffOnly = routes.filter(
      (route) =>
        route.rule?.kind === 'roles' && !route.rule.roles.includes('advocate'),
    );
    expect(staffOnly.length).toBeGreaterThan(0);
    for (const route of staffOnly) {
      const url = route.path.replace(/:(\w+)/g, () => randomUUID());
      const response = await app.inject({
        method: route.method as 'GET',
        url,
        headers: { authorization: `Bearer ${advocate.token}` },
        payload: ['POST', 'PUT', 'PATCH'].includes(route.method)
          ? {}
          : undefined,
      });
      expect({ route: key(route), status: response.statusCode }).toEqual({
        route: key(route),
        status: 403,
      });
    }
  });

  it("refuses every id-taking route when the object is another user's", async () => {
    const paramRoutes = routes.filter((route) => /:\w+/.test(route.path));
    for (const route of paramRoutes) {
      const rule = route.rule;
      if (rule?.kind === 'public') {
        expect({
          route: key(route),
          allowlisted: key(route) in PUBLIC_PARAM_ROUTES,
        }).toEqual({
          route: key(route),
          allowlisted: true,
        });
        continue;
      }
      if (rule?.kind !== 'roles' || !rule.roles.includes('advocate')) continue;
      const fixture = OWNED_OBJECT_FIXTURES[key(route)];
      expect({ route: key(route), hasFixture: fixture !== undefined }).toEqual({
        route: key(route),
        hasFixture: true,
      });
      const owner = await createUser(app, 'advocate');
      const stranger = await createUser(app, 'advocate');
      const url = await fixture(app, owner);
      const response = await app.inject({
        method: route.method as 'GET',
        url,
        headers: { authorization: `Bearer ${stranger.token}` },
        payload: ['POST', 'PUT', 'PATCH'].includes(route.method)
          ? {}
          : undefined,
      });
      expect({
        route: key(route),
        refused: [403, 404].includes(response.statusCode),
      }).toEqual({
        route: key(route),
        refused: true,
      });
    }
  });

  it('knows every role', () => {
    const used = new Set(
      routes.flatMap((route) =>
        route.rule?.kind === 'roles' ? route.rule.roles : [],
      ),
    );
    for (const role of used) expect(ROLES).toContain(role);
  });
});
