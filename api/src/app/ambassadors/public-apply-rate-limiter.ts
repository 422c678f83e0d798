import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectRedis } from '../redis/redis.module';

const WINDOW_SECONDS = 3600;

/** Per-address hourly limits for the unauthenticated ambassador endpoints, shared by every API instance. */
@Injectable()
export class PublicApplyRateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  apply(ip: string): Promise<void> {
    return this.hit(
      `ambassador-apply:${ip}`,
      this.config.AMBASSADOR_PUBLIC_APPLY_LIMIT,
    );
  }

  /** Page views are cheap but still bounded, so nobody can inflate the funnel from one address. */
  event(ip: string): Promise<void> {
    return this.hit(
      `ambassador-event:${ip}`,
      this.config.AMBASSADOR_PUBLIC_APPLY_LIMIT * 20,
    );
  }

  private async hit(key: string, limit: number): Promise<void> {
    const [[, hits], , [, ttl]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_SECONDS, 'NX')
      .ttl(key)
      .exec()) as [Error | null, unknown][];
    if (Number(hits) > limit) {
      const retryAfter = Math.max(
        1,
        Number(ttl) > 0 ? Number(ttl) : WINDOW_SECONDS,
      );
      throw new DomainError(
        'RATE_LIMITED',
        `Too many attempts from your network; try again in ${Math.ceil(retryAfter / 60)} minutes`,
        {},
        { 'Retry-After': String(retryAfter) },
      );
    }
  }
}
