import {
  ConsentScope,
  UgcConsentView,
  UgcModerationItem,
  UgcSubmissionView,
} from '@advocacy/shared';
import { UgcConsent } from '../entities/ugc-consent.entity';
import { UgcMedia } from '../entities/ugc-media.entity';
import { UgcSubmission } from '../entities/ugc-submission.entity';
import { MediaVariant } from './media-signer';

export interface SubmissionParts {
  submission: UgcSubmission;
  campaignName: string;
  consent: UgcConsent;
  media: UgcMedia[];
}

export type UrlFor = (mediaId: string, variant: MediaVariant) => string;

export function consentScopes(consent: UgcConsent): ConsentScope[] {
  const scopes: ConsentScope[] = [];
  if (consent.scopeWebsite) scopes.push('website');
  if (consent.scopeSocial) scopes.push('social');
  if (consent.scopeAds) scopes.push('ads');
  return scopes;
}

export function toConsentView(
  consent: UgcConsent,
  now = new Date(),
): UgcConsentView {
  const scopes = consentScopes(consent);
  return {
    scopes,
    displayName: consent.displayName,
    expiresAt: consent.expiresAt?.toISOString() ?? null,
    givenAt: consent.givenAt.toISOString(),
    revokedAt: consent.revokedAt?.toISOString() ?? null,
    active:
      scopes.length > 0 &&
      consent.revokedAt === null &&
      (consent.expiresAt === null || consent.expiresAt > now),
  };
}

/** The display excerpt, always cut from the stored words. */
export function excerptOf(submission: UgcSubmission): string | null {
  if (
    submission.text === null ||
    submission.excerptStart === null ||
    submission.excerptEnd === null
  )
    return null;
  return submission.text.slice(submission.excerptStart, submission.excerptEnd);
}

export function toSubmissionView(
  parts: SubmissionParts,
  urlFor: UrlFor,
): UgcSubmissionView {
  const { submission } = parts;
  return {
    id: submission.id,
    campaignId: submission.campaignId,
    campaignName: parts.campaignName,
    source: submission.source,
    text: submission.text,
    rating: submission.rating,
    videoUrl: submission.videoUrl,
    socialUrl: submission.socialUrl,
    mediaType: submission.mediaType,
    media: parts.media.map((media) => ({
      id: media.id,
      kind: 'image',
      width: media.width,
      height: media.height,
      url: urlFor(media.id, 'full'),
      thumbUrl: urlFor(media.id, 'thumb'),
    })),
    status: submission.status,
    rejectionReason: submission.rejectionReason,
    featured: submission.featured,
    tags: submission.tags,
    excerpt: excerptOf(submission),
    disclosure: submission.disclosure,
    consent: toConsentView(parts.consent),
    createdAt: submission.createdAt.toISOString(),
    reviewedAt: submission.reviewedAt?.toISOString() ?? null,
  };
}

export function toModerationItem(
  parts: SubmissionParts,
  urlFor: UrlFor,
): UgcModerationItem {
  return {
    ...toSubmissionView(parts, urlFor),
    submitterName: parts.submission.submitterName,
    submitterEmail: parts.submission.submitterEmail,
    customerId: parts.submission.customerId,
    segmentSnapshot: parts.submission.segmentSnapshot,
  };
}
