import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors';
import { InjectRedis } from '../redis/redis.module';

/**
 * Fixed-window limits kept in Redis so every API instance shares them: one per client
 * address (all attempts) and one per email (failures only, so a victim is not locked out by
 * someone else's correct sign-ins).
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async hit(ip: string, email: string): Promise<void> {
    const window = this.config.LOGIN_RATE_WINDOW_SECONDS;
    const ipKey = `login:ip:${ip}`;
    const emailKey = this.emailKey(email);
    const [[, ipHits], , [, emailFailures], [, ttl]] = (await this.redis
      .multi()
      .incr(ipKey)
      .expire(ipKey, window, 'NX')
      .get(emailKey)
      .ttl(ipKey)
      .exec()) as [Error | null, unknown][];
    if (
      Number(ipHits) > this.config.LOGIN_IP_RATE_LIMIT ||
      Number(emailFailures ?? 0) >= this.config.LOGIN_RATE_LIMIT
    ) {
      const retryAfter = Math.max(1, Number(ttl) > 0 ? Number(ttl) : window);
      throw new DomainError(
        'RATE_LIMITED',
        `Too many sign-in attempts; try again in ${retryAfter} seconds`,
        {},
        { 'Retry-After': String(retryAfter) },
      );
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.emailKey(email);
    await this.redis
      .multi()
      .incr(key)
      .expire(key, this.config.LOGIN_RATE_WINDOW_SECONDS, 'NX')
      .exec();
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.emailKey(email));
  }

  private emailKey(email: string): string {
    return `login:email:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
  }
}
