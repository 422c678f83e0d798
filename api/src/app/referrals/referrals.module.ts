import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversionCounter } from './codes/conversion-counter';
import { MyReferralsController } from './codes/my-referrals.controller';
import { ReferralCodesService } from './codes/referral-codes.service';
import { ReferralFunnelService } from './codes/referral-funnel.service';
import { ReferralClickDaily } from './entities/referral-click-daily.entity';
import { ReferralClick } from './entities/referral-click.entity';
import { ReferralCode } from './entities/referral-code.entity';
import { FraudReview } from './entities/fraud-review.entity';
import { ReferralEvent } from './entities/referral-event.entity';
import { ReferralProgramme } from './entities/referral-programme.entity';
import { Referral } from './entities/referral.entity';
import { AttributionService } from './events/attribution.service';
import { ConversionHandlers } from './events/conversion-handlers';
import { EventsAuthGuard } from './events/events-auth.guard';
import { EventsController } from './events/events.controller';
import { EventInboxService } from './events/event-inbox.service';
import { EventProcessorService } from './events/event-processor.service';
import { EventsService } from './events/events.service';
import { FraudCheckService } from './fraud/fraud-check.service';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProgrammesService } from './programmes/programmes.service';
import { ClickWriterService } from './redirect/click-writer.service';
import { RedirectController } from './redirect/redirect.controller';
import { RedirectService } from './redirect/redirect.service';
import { ReferralConversionCounter } from './referral-records/referral-conversion-counter';
import { ReferralLifecycleService } from './referral-records/referral-lifecycle.service';
import { ReferralQueriesService } from './referral-records/referral-queries.service';
import { ReferralRecordsController } from './referral-records/referral-records.controller';
import { ReferralReviewsService } from './referral-records/referral-reviews.service';
import { QUEUES } from '../queues/queue-names';
import { RewardsModule } from '../rewards/rewards.module';
import { SegmentsModule } from '../segments/segments.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReferralProgramme,
      ReferralCode,
      ReferralClick,
      ReferralClickDaily,
      Referral,
      ReferralEvent,
      FraudReview,
    ]),
    BullModule.registerQueue({ name: QUEUES.segments }),
    RewardsModule,
    SegmentsModule,
  ],
  controllers: [
    RedirectController,
    ProgrammesController,
    MyReferralsController,
    EventsController,
    ReferralRecordsController,
  ],
  providers: [
    RedirectService,
    ClickWriterService,
    ProgrammesService,
    ReferralCodesService,
    ReferralFunnelService,
    { provide: ConversionCounter, useClass: ReferralConversionCounter },
    EventsService,
    EventInboxService,
    EventProcessorService,
    EventsAuthGuard,
    ConversionHandlers,
    AttributionService,
    FraudCheckService,
    ReferralLifecycleService,
    ReferralQueriesService,
    ReferralReviewsService,
  ],
  exports: [RedirectService, ReferralCodesService],
})
export class ReferralsModule {}
