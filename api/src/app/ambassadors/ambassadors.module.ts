import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module';
import { QUEUES } from '../queues/queue-names';
import { RewardsModule } from '../rewards/rewards.module';
import { AmbassadorApplicationsService } from './ambassador-applications.service';
import { AmbassadorDecisionsService } from './ambassador-decisions.service';
import { AmbassadorFactsService } from './ambassador-facts.service';
import { AmbassadorPerksService } from './ambassador-perks.service';
import { AmbassadorProgrammesController } from './ambassador-programmes.controller';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { AmbassadorReviewsController } from './ambassador-reviews.controller';
import { AmbassadorReviewsService } from './ambassador-reviews.service';
import { AmbassadorTrainingService } from './ambassador-training.service';
import { AmbassadorsProcessor } from './ambassadors.processor';
import { ApplicationEmailConfirmationService } from './application-email-confirmation.service';
import { AmbassadorPublicService } from './ambassador-public.service';
import { AmbassadorApplicationEvent } from './entities/ambassador-application-event.entity';
import { AmbassadorApplication } from './entities/ambassador-application.entity';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';
import { AmbassadorFunnelEvent } from './entities/ambassador-funnel-event.entity';
import { AmbassadorPerkClaim } from './entities/ambassador-perk-claim.entity';
import { AmbassadorPerkCode } from './entities/ambassador-perk-code.entity';
import { AmbassadorPerk } from './entities/ambassador-perk.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';
import { AmbassadorTrainingCompletion } from './entities/ambassador-training-completion.entity';
import { AmbassadorTrainingModule } from './entities/ambassador-training-module.entity';
import { MyAmbassadorController } from './my-ambassador.controller';
import { PublicAmbassadorController } from './public-ambassador.controller';
import { PublicApplyRateLimiter } from './public-apply-rate-limiter';

/**
 * Ambassador programme: versioned application forms, eligibility, review with capacity and a
 * fair waitlist, perks (codes, early access, rewards through the ledger) and training.
 * Approval sets `customers.ambassador_since`, which the segments feature reads.
 */
@Module({
  imports: [
    RewardsModule,
    MailModule,
    BullModule.registerQueue({ name: QUEUES.ambassadors }),
    TypeOrmModule.forFeature([
      AmbassadorProgramme,
      AmbassadorFormVersion,
      AmbassadorApplication,
      AmbassadorApplicationEvent,
      AmbassadorFunnelEvent,
      AmbassadorPerk,
      AmbassadorPerkCode,
      AmbassadorPerkClaim,
      AmbassadorTrainingModule,
      AmbassadorTrainingCompletion,
    ]),
  ],
  controllers: [
    AmbassadorProgrammesController,
    AmbassadorReviewsController,
    MyAmbassadorController,
    PublicAmbassadorController,
  ],
  providers: [
    AmbassadorFactsService,
    AmbassadorProgrammesService,
    AmbassadorDecisionsService,
    AmbassadorReviewsService,
    AmbassadorPerksService,
    AmbassadorTrainingService,
    AmbassadorApplicationsService,
    AmbassadorPublicService,
    PublicApplyRateLimiter,
    ApplicationEmailConfirmationService,
    AmbassadorsProcessor,
  ],
})
export class AmbassadorsModule {}
