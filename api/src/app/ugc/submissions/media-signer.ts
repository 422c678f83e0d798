import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

export type MediaVariant = 'full' | 'thumb';
const HOUR_MS = 3_600_000;

/**
 * Short-lived signed media URLs for staff and owners: an `<img>` sends no bearer token, so the
 * signature stands in for it. Expiry is rounded to the hour so URLs stay cacheable.
 */
@Injectable()
export class MediaSigner {
  constructor(private readonly config: AppConfig) {}

  signedUrl(mediaId: string, variant: MediaVariant, now = Date.now()): string {
    const exp = Math.ceil(now / HOUR_MS) * HOUR_MS + HOUR_MS;
    const sig = this.signature(mediaId, variant, exp);
    return `${publicMediaUrl(mediaId, variant)}&exp=${exp}&sig=${sig}`;
  }

  verify(
    mediaId: string,
    variant: MediaVariant,
    exp: number | undefined,
    sig: string | undefined,
    now = Date.now(),
  ): boolean {
    if (!exp || !sig || exp < now) return false;
    const expected = Buffer.from(this.signature(mediaId, variant, exp));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(
    mediaId: string,
    variant: MediaVariant,
    exp: number,
  ): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`ugc-media:${mediaId}:${variant}:${exp}`)
      .digest('base64url');
  }
}

/** Unsigned URL: served only while the submission is publicly showable. */
export const publicMediaUrl = (mediaId: string, variant: MediaVariant) =>
  `/api/v1/ugc/media/${mediaId}?v=${variant}`;
