import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { Customer } from '../customers/entities/customer.entity';
import { SurveyResponse } from './entities/survey-response.entity';

describe('surveys and responses (API)', () => {
  let app: NestFastifyApplication;
  let brand: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    brand = await createUser(app, 'brand');
  });

  afterAll(async () => {
    await app.close();
  });

  async function createSurvey(body: Record<string, unknown> = {}) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: bearer(brand),
      payload: {
        kind: 'nps',
        name: `NPS ${randomUUID()}`,
        question: 'How likely are you to recommend us to a friend?',
        followUpPromoter: 'What do you love most?',
        followUpPassive: 'What would make it a 10?',
        followUpDetractor: 'What went wrong?',
        ...body,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; wave: number }>();
  }

  async function customer(): Promise<Customer> {
    return app
      .get(DataSource)
      .getRepository(Customer)
      .save({
        email: `c-${randomUUID()}@test.example`,
        name: 'Casey Customer',
        externalId: `crm-${randomUUID()}`,
      });
  }

  async function linkFor(
    surveyId: string,
    customerId: string,
  ): Promise<string> {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${surveyId}/links`,
      headers: bearer(brand),
      payload: { customerId },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ token: string }>().token;
  }

  it('creates, lists, updates and deletes surveys, auditing each change', async () => {
    const survey = await createSurvey({
      kind: 'csat',
      question: 'How satisfied were you with your order?',
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/surveys?kind=csat',
      headers: bearer(brand),
    });
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(
      survey.id,
    );
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/surveys/${survey.id}`,
      headers: bearer(brand),
      payload: { throttleDays: 30, kind: 'nps' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors).toEqual({ kind: 'is not a known field' });
    const wave = await app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/waves`,
      headers: bearer(brand),
    });
    expect(wave.json().wave).toBe(2);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/surveys/${survey.id}`,
      headers: bearer(brand),
    });
    expect(removed.statusCode).toBe(204);
    const audit = await app
      .get(DataSource)
      .query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at', [
        survey.id,
      ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'survey.created',
      'survey.wave_started',
      'survey.deleted',
    ]);
  });

  it('refuses bad survey input field by field and keeps advocates out of staff routes', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: bearer(brand),
      payload: { kind: 'ces', name: '', question: 'Hi', throttleDays: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().errors).sort()).toEqual([
      'kind',
      'name',
      'question',
      'throttleDays',
    ]);
    const advocate = await createUser(app, 'advocate');
    for (const [method, url] of [
      ['GET', '/api/v1/surveys'],
      ['POST', '/api/v1/surveys'],
      ['POST', `/api/v1/surveys/${randomUUID()}/links`],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: bearer(advocate),
        payload: {},
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it('lets a personal link answer once per wave, without signing in, and then throttles the next wave', async () => {
    const survey = await createSurvey({ throttleDays: 90 });
    const person = await customer();
    const token = await linkFor(survey.id, person.id);

    const view = await app.inject({
      method: 'GET',
      url: `/api/v1/survey-links/${token}`,
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      firstName: 'Casey',
      answered: false,
      form: { surveyId: survey.id, wave: 1 },
    });

    const outOfRange = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${token}`,
      payload: { score: 11 },
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors.score).toBeDefined();

    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${token}`,
      payload: { score: 9, comment: 'Great service' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ score: 9, category: 'promoter' });

    const second = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${token}`,
      payload: { score: 3 },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/already answered/);

    await app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/waves`,
      headers: bearer(brand),
    });
    const nextWave = await linkFor(survey.id, person.id);
    const throttled = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${nextWave}`,
      payload: { score: 5 },
    });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(
      80 * 86_400,
    );

    const stored = await app
      .get(DataSource)
      .getRepository(SurveyResponse)
      .findBy({ customerId: person.id });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: 'link', wave: 1, score: 9 });
  });

  it('refuses forged or mangled link tokens with 404', async () => {
    const survey = await createSurvey();
    const token = await linkFor(survey.id, (await customer()).id);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${forged}`,
      payload: { score: 9 },
    });
    expect(response.statusCode).toBe(404);
  });

  it('offers an advocate the active survey, takes one answer, then stops offering', async () => {
    const advocate = await createUser(app, 'advocate');
    await createSurvey();
    const offer = await app.inject({
      method: 'GET',
      url: '/api/v1/surveys/offer',
      headers: bearer(advocate),
    });
    expect(offer.statusCode).toBe(200);
    expect(offer.json().form).toMatchObject({
      kind: 'nps',
      followUpPassive: 'What would make it a 10?',
    });

    const answer = await app.inject({
      method: 'POST',
      url: '/api/v1/surveys/answers',
      headers: bearer(advocate),
      payload: {
        surveyId: offer.json().form.surveyId,
        score: 7,
        comment: 'Faster delivery',
      },
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().category).toBe('passive');

    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/surveys/offer',
      headers: bearer(advocate),
    });
    expect(after.json().form).toBeNull();
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/surveys/answers',
      headers: bearer(advocate),
      payload: { surveyId: offer.json().form.surveyId, score: 8 },
    });
    expect(again.statusCode).toBe(409);
  });

  it('stores a brand system response once per externalId and refuses unknown customers', async () => {
    const admin = await createUser(app, 'admin');
    const key = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'CRM', scopes: ['responses:write'] },
    });
    const apiKey = { 'x-api-key': key.json().key as string };
    const survey = await createSurvey();
    const person = await customer();
    const body = {
      externalId: `resp-${randomUUID()}`,
      surveyId: survey.id,
      customerExternalId: person.externalId,
      score: 4,
      respondedAt: '2025-06-01T10:00:00Z',
    };
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: apiKey,
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      created: true,
      category: 'detractor',
    });
    const replay = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: apiKey,
      payload: body,
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({
      created: false,
      id: first.json().id,
    });

    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: apiKey,
      payload: {
        ...body,
        externalId: `resp-${randomUUID()}`,
        customerExternalId: 'nobody',
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual({
      customerExternalId: 'is not a known customer',
    });

    const noKey = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: body,
    });
    expect(noKey.statusCode).toBe(401);
    const staff = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: bearer(brand),
      payload: body,
    });
    expect(staff.statusCode).toBe(401);
    const count = await app
      .get(DataSource)
      .getRepository(SurveyResponse)
      .countBy({ customerId: person.id });
    expect(count).toBe(1);
  });
});
