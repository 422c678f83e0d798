import { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

function replyRecorder() {
  const reply = {
    statusCode: 0,
    status: (code: number) => ((reply.statusCode = code), reply),
  };
  return reply;
}

describe('HealthController', () => {
  const up = {
    query: async () => [{ '?column?': 1 }],
  } as unknown as DataSource;
  const down = {
    query: async () => Promise.reject(new Error('connection refused')),
  } as unknown as DataSource;
  const redisUp = { ping: async () => 'PONG' } as unknown as Redis;
  const redisDown = {
    ping: async () => Promise.reject(new Error('ECONNREFUSED')),
  } as unknown as Redis;

  it('answers 200 when both stores answer', async () => {
    const reply = replyRecorder();
    const body = await new HealthController(up, redisUp).health(
      reply as unknown as FastifyReply,
    );
    expect(reply.statusCode).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('answers 503 naming the store that is down', async () => {
    const reply = replyRecorder();
    const body = await new HealthController(up, redisDown).health(
      reply as unknown as FastifyReply,
    );
    expect(reply.statusCode).toBe(503);
    expect(body.checks.redis).toMatchObject({
      status: 'down',
      error: 'ECONNREFUSED',
    });
    expect(body.checks.database.status).toBe('up');

    const dbReply = replyRecorder();
    await new HealthController(down, redisUp).health(
      dbReply as unknown as FastifyReply,
    );
    expect(dbReply.statusCode).toBe(503);
  });
});
