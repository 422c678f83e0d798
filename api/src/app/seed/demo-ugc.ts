import {
  ConsentScope,
  DisplayNameChoice,
  UgcSubmissionStatus,
} from '@advocacy/shared';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, EntityManager } from 'typeorm';
import { RewardsService } from '../rewards/rewards.service';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';
import { FileStorage } from '../storage/file-storage';
import { UgcCampaign } from '../ugc/entities/ugc-campaign.entity';
import { UgcConsent } from '../ugc/entities/ugc-consent.entity';
import { UgcMedia } from '../ugc/entities/ugc-media.entity';
import { UgcShowcaseItem } from '../ugc/entities/ugc-showcase-item.entity';
import { UgcShowcase } from '../ugc/entities/ugc-showcase.entity';
import { UgcSubmission } from '../ugc/entities/ugc-submission.entity';
import { processImage } from '../ugc/submissions/image-processing';

/** Fixed, so the demo's public link and showcase have stable addresses. */
export const DEMO_UGC_TOKEN = 'demo-tea-ritual-stories';
export const DEMO_SHOWCASE_SLUG = 'loved-by-tea-people';
const ADVOCATE_EMAIL = 'advocate@demo.test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoSubmission {
  /** Index into the demo customers, or 'advocate' for the demo advocate. */
  who: number | 'advocate';
  campaign: 'ritual' | 'spring';
  text: string | null;
  rating: number | null;
  status: UgcSubmissionStatus;
  daysAgo: number;
  reviewHours?: number;
  reason?: string;
  featured?: boolean;
  tags?: string[];
  excerpt?: string;
  image?: [string, string];
  videoUrl?: string;
  socialUrl?: string;
  scopes?: ConsentScope[];
  displayName?: DisplayNameChoice;
  consent?: 'revoked' | 'expired';
  inShowcase?: boolean;
}

const SUBMISSIONS: DemoSubmission[] = [
  {
    who: 'advocate',
    campaign: 'ritual',
    text: 'Every Sunday I brew the oolong slowly and read for an hour. It has become the calmest part of my week, and the tin still smells like a garden.',
    rating: 5,
    status: 'approved',
    daysAgo: 20,
    reviewHours: 5,
    featured: true,
    image: ['#7b4b2a', '#e8c07a'],
    tags: ['ritual', 'oolong'],
    excerpt: 'It has become the calmest part of my week',
    inShowcase: true,
  },
  {
    who: 'advocate',
    campaign: 'ritual',
    text: 'The new sampler box arrived in two days, well packed.',
    rating: 4,
    status: 'pending',
    daysAgo: 1,
  },
  {
    who: 'advocate',
    campaign: 'spring',
    text: 'Photo of my balcony garden with the spring blend.',
    rating: null,
    status: 'rejected',
    daysAgo: 40,
    reviewHours: 30,
    reason:
      'We could not see the tea in the photo. Please share another picture with the cup or the tin in view.',
    image: ['#3f7d4e', '#d9e8a1'],
  },
  {
    who: 0,
    campaign: 'ritual',
    text: 'Fast delivery and the matcha is vivid and smooth, no bitterness at all.',
    rating: 5,
    status: 'approved',
    daysAgo: 34,
    reviewHours: 3,
    inShowcase: true,
    tags: ['delivery', 'matcha'],
  },
  {
    who: 1,
    campaign: 'ritual',
    text: 'Good tea, though the lid of the tin is a bit stiff.',
    rating: 4,
    status: 'approved',
    daysAgo: 27,
    reviewHours: 20,
    inShowcase: true,
    displayName: 'anonymous',
  },
  {
    who: 2,
    campaign: 'ritual',
    text: 'My daughter and I share a pot of jasmine after school. She now asks for it by name.',
    rating: 5,
    status: 'approved',
    daysAgo: 16,
    reviewHours: 8,
    inShowcase: true,
    image: ['#c4587a', '#f6d2dc'],
    displayName: 'full',
  },
  {
    who: 3,
    campaign: 'ritual',
    text: null,
    rating: null,
    status: 'approved',
    daysAgo: 12,
    reviewHours: 2,
    videoUrl: 'https://www.youtube.com/watch?v=demo-tea-ritual',
    inShowcase: true,
  },
  {
    who: 4,
    campaign: 'ritual',
    text: 'Too strong for me, I prefer lighter blends. Service was friendly though.',
    rating: 3,
    status: 'approved',
    daysAgo: 9,
    reviewHours: 26,
    inShowcase: true,
  },
  {
    who: 5,
    campaign: 'ritual',
    text: 'Shared my morning cup on Instagram!',
    rating: 5,
    status: 'approved',
    daysAgo: 6,
    reviewHours: 4,
    socialUrl: 'https://www.instagram.com/p/demo-morning-cup/',
    scopes: ['social'],
  },
  {
    who: 6,
    campaign: 'ritual',
    text: 'I loved this, but please stop showing my words.',
    rating: 5,
    status: 'approved',
    daysAgo: 30,
    reviewHours: 6,
    inShowcase: true,
    consent: 'revoked',
  },
  {
    who: 7,
    campaign: 'ritual',
    text: 'The earl grey is the best I have had in years.',
    rating: 5,
    status: 'approved',
    daysAgo: 50,
    reviewHours: 12,
    inShowcase: true,
    consent: 'expired',
  },
  {
    who: 8,
    campaign: 'ritual',
    text: 'Cold brew in summer, hot in winter. The rooibos never disappoints.',
    rating: 4,
    status: 'pending',
    daysAgo: 2,
    image: ['#9c3d1f', '#f2b36b'],
  },
  {
    who: 9,
    campaign: 'ritual',
    text: 'Parcel was late and one tin was dented.',
    rating: 2,
    status: 'pending',
    daysAgo: 3,
  },
  {
    who: 10,
    campaign: 'ritual',
    text: 'Buy cheap followers at my site',
    rating: null,
    status: 'rejected',
    daysAgo: 18,
    reviewHours: 1,
    reason: 'This is not about your experience with our tea.',
  },
  {
    who: 11,
    campaign: 'spring',
    text: 'The spring blend tastes like a walk in the park after rain.',
    rating: 5,
    status: 'approved',
    daysAgo: 45,
    reviewHours: 40,
    tags: ['spring'],
  },
  {
    who: 12,
    campaign: 'spring',
    text: 'Nice, a little pricey.',
    rating: 3,
    status: 'rejected',
    daysAgo: 48,
    reviewHours: 50,
    reason:
      'Thanks! This campaign asked for photos; please share one next time.',
  },
];

interface Person {
  id: string;
  name: string;
  email: string;
}

/** A soft gradient "cup" picture drawn from SVG, then put through the same pipeline as uploads. */
async function demoImage(from: string, to: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="675">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${to}"/><stop offset="1" stop-color="${from}"/></linearGradient></defs>
    <rect width="900" height="675" fill="url(#g)"/>
    <ellipse cx="450" cy="520" rx="260" ry="40" fill="#00000022"/>
    <path d="M290 300 h300 v140 a110 110 0 0 1 -110 110 h-80 a110 110 0 0 1 -110 -110z" fill="#fffaf2"/>
    <path d="M590 330 a55 55 0 0 1 0 110" stroke="#fffaf2" stroke-width="22" fill="none"/>
    <ellipse cx="440" cy="300" rx="150" ry="22" fill="${from}"/>
    <path d="M400 250 q-20 -40 0 -80 M450 250 q-20 -40 0 -80 M500 250 q-20 -40 0 -80" stroke="#ffffff99" stroke-width="8" fill="none" stroke-linecap="round"/>
  </svg>`;
  return processImage(
    await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer(),
    'demo',
  );
}

export async function seedDemoUgc(
  db: DataSource,
  storage: FileStorage,
  rewards: RewardsService,
  snapshots: SegmentSnapshotService,
  now: Date,
): Promise<void> {
  const people: Person[] = await db.query(
    `SELECT id, name, email FROM customers WHERE email <> $1 ORDER BY md5(email) LIMIT 13`,
    [ADVOCATE_EMAIL],
  );
  const advocate: Person[] = await db.query(
    `SELECT id, name, email FROM customers WHERE email = $1`,
    [ADVOCATE_EMAIL],
  );
  if (people.length < 13 || advocate.length === 0) return;
  const written: string[] = [];
  try {
    await db.transaction(async (manager) => {
      // Two seeders at once (parallel test files) must not both insert.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('demo-ugc'))`);
      if (
        await manager
          .getRepository(UgcCampaign)
          .existsBy({ publicToken: DEMO_UGC_TOKEN })
      )
        return;
      const campaigns = await seedCampaigns(manager, now);
      const showcaseIds: string[] = [];
      for (const demo of SUBMISSIONS) {
        const person = demo.who === 'advocate' ? advocate[0] : people[demo.who];
        const campaign = campaigns[demo.campaign];
        const id = randomUUID();
        const createdAt = new Date(now.getTime() - demo.daysAgo * DAY);
        const snapshot = await snapshots.snapshotFor(person.id, manager);
        const text = demo.text;
        const excerptStart =
          demo.excerpt && text ? text.indexOf(demo.excerpt) : -1;
        await manager.getRepository(UgcSubmission).insert({
          id,
          campaignId: campaign.id,
          customerId: person.id,
          source: 'portal',
          submitterName: person.name,
          submitterEmail: person.email,
          text,
          rating: demo.rating,
          videoUrl: demo.videoUrl ?? null,
          socialUrl: demo.socialUrl ?? null,
          mediaType: demo.image
            ? 'image'
            : demo.videoUrl
              ? 'video'
              : demo.socialUrl
                ? 'social'
                : 'text',
          status: demo.status,
          rejectionReason: demo.reason ?? null,
          featured: demo.featured ?? false,
          tags: demo.tags ?? [],
          excerptStart: excerptStart >= 0 ? excerptStart : null,
          excerptEnd:
            excerptStart >= 0 && demo.excerpt
              ? excerptStart + demo.excerpt.length
              : null,
          disclosure:
            campaign.reward !== null
              ? 'Incentivised: received a reward from the brand'
              : null,
          segmentSnapshot: snapshot,
          segmentKey: snapshot.segmentKey,
          reviewedAt: demo.reviewHours
            ? new Date(createdAt.getTime() + demo.reviewHours * HOUR)
            : null,
          createdAt,
        });
        const scopes = demo.scopes ?? ['website', 'social'];
        await manager.getRepository(UgcConsent).insert({
          submissionId: id,
          scopeWebsite: scopes.includes('website'),
          scopeSocial: scopes.includes('social'),
          scopeAds: scopes.includes('ads'),
          displayName: demo.displayName ?? 'first_initial',
          givenAt: createdAt,
          expiresAt:
            demo.consent === 'expired'
              ? new Date(now.getTime() - 2 * DAY)
              : null,
          revokedAt:
            demo.consent === 'revoked' ? new Date(now.getTime() - DAY) : null,
        });
        if (demo.image) {
          const image = await demoImage(...demo.image);
          const mediaId = randomUUID();
          const storageKey = `ugc/${id}/${mediaId}.webp`;
          const thumbKey = `ugc/${id}/${mediaId}-thumb.webp`;
          await storage.put(storageKey, image.main, image.contentType);
          written.push(storageKey);
          await storage.put(thumbKey, image.thumb, image.contentType);
          written.push(thumbKey);
          await manager.getRepository(UgcMedia).insert({
            id: mediaId,
            submissionId: id,
            position: 0,
            storageKey,
            thumbKey,
            contentType: image.contentType,
            width: image.width,
            height: image.height,
            bytes: image.main.length,
          });
        }
        if (demo.status === 'approved' && campaign.reward)
          await rewards.grant(manager, {
            customerId: person.id,
            programmeId: null,
            type: campaign.reward.type,
            points: campaign.reward.amount ?? 0,
            source: 'ugc',
            sourceRef: id,
            holdDays: 0,
            reason: `Approved content for “${campaign.name}”`,
          });
        if (demo.inShowcase) showcaseIds.push(id);
      }
      const showcase = await manager.getRepository(UgcShowcase).save({
        name: 'Loved by tea people',
        slug: DEMO_SHOWCASE_SLUG,
        description:
          'Real words from our customers, shown with their permission.',
        scope: 'website',
        published: true,
      });
      await manager.getRepository(UgcShowcaseItem).insert(
        showcaseIds.map((submissionId, position) => ({
          showcaseId: showcase.id,
          submissionId,
          position,
        })),
      );
    });
  } catch (error) {
    for (const key of written) await storage.delete(key);
    throw error;
  }
}

async function seedCampaigns(manager: EntityManager, now: Date) {
  const repo = manager.getRepository(UgcCampaign);
  const ritual = await repo.save({
    name: 'Your tea ritual',
    guidelines:
      'Tell us how tea fits into your day: when, where and with whom. Honest words are welcome, good or bad. Photos of your cup or tin are a bonus.',
    prompts: [
      'When do you make your favourite cup?',
      'What would you tell a friend about us?',
    ],
    hashtags: ['TeaRitual', 'MyCup'],
    startsAt: new Date(now.getTime() - 60 * DAY),
    endsAt: null,
    eligibleSegments: [],
    reward: {
      type: 'points',
      amount: 100,
      currency: null,
      holdDays: 0,
      description: '100 points',
    },
    status: 'active',
    publicToken: DEMO_UGC_TOKEN,
    publicLinkEnabled: true,
  });
  const spring = await repo.save({
    name: 'Spring blend photo stories',
    guidelines: 'Share a photo of the spring blend in your favourite spot.',
    prompts: [],
    hashtags: ['SpringBlend'],
    startsAt: new Date(now.getTime() - 70 * DAY),
    endsAt: new Date(now.getTime() - 35 * DAY),
    eligibleSegments: [],
    reward: null,
    status: 'closed',
    publicToken: 'demo-spring-blend-closed',
    publicLinkEnabled: false,
  });
  return { ritual, spring };
}
