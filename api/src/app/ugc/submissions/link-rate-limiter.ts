import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { InjectRedis } from '../../redis/redis.module';

const WINDOW_SECONDS = 3600;

/** Public testimonial links take no sign-in, so each client address gets a fixed hourly budget. */
@Injectable()
export class LinkRateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async hit(ip: string): Promise<void> {
    const key = `ugc:link:${ip}`;
    const [[, hits], , [, ttl]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_SECONDS, 'NX')
      .ttl(key)
      .exec()) as [Error | null, unknown][];
    if (Number(hits) > this.config.UGC_LINK_RATE_LIMIT) {
      const retryAfter = Math.max(
        1,
        Number(ttl) > 0 ? Number(ttl) : WINDOW_SECONDS,
      );
      throw new DomainError(
        'RATE_LIMITED',
        `Too many submissions from this address; try again in ${Math.ceil(retryAfter / 60)} minutes`,
        {},
        { 'Retry-After': String(retryAfter) },
      );
    }
  }
}
