import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../queues/queue-names';
import { RewardsModule } from '../rewards/rewards.module';
import { SegmentsModule } from '../segments/segments.module';
import { StorageModule } from '../storage/storage.module';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { UgcCampaign } from './entities/ugc-campaign.entity';
import { UgcConsent } from './entities/ugc-consent.entity';
import { UgcMedia } from './entities/ugc-media.entity';
import { UgcShowcaseItem } from './entities/ugc-showcase-item.entity';
import { UgcShowcase } from './entities/ugc-showcase.entity';
import { UgcSubmission } from './entities/ugc-submission.entity';
import { UgcMetricsController } from './metrics/metrics.controller';
import { UgcMetricsService } from './metrics/metrics.service';
import { ModerationController } from './moderation/moderation.controller';
import { ModerationService } from './moderation/moderation.service';
import { MediaService } from './showcases/media.service';
import { PublicShowcasesController } from './showcases/public-showcases.controller';
import { ShowcasesController } from './showcases/showcases.controller';
import { ShowcasesService } from './showcases/showcases.service';
import { LinkRateLimiter } from './submissions/link-rate-limiter';
import { MediaSigner } from './submissions/media-signer';
import { SubmissionLoader } from './submissions/submission-loader';
import { SubmissionsController } from './submissions/submissions.controller';
import { SubmissionsService } from './submissions/submissions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UgcCampaign,
      UgcSubmission,
      UgcConsent,
      UgcMedia,
      UgcShowcase,
      UgcShowcaseItem,
    ]),
    BullModule.registerQueue({ name: QUEUES.segments }),
    RewardsModule,
    SegmentsModule,
    StorageModule,
  ],
  controllers: [
    CampaignsController,
    SubmissionsController,
    ModerationController,
    ShowcasesController,
    PublicShowcasesController,
    UgcMetricsController,
  ],
  providers: [
    CampaignsService,
    SubmissionsService,
    SubmissionLoader,
    MediaSigner,
    LinkRateLimiter,
    ModerationService,
    ShowcasesService,
    MediaService,
    UgcMetricsService,
  ],
})
export class UgcModule {}
