import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { MailModule } from '../mail/mail.module';
import { OutreachJobs, QUEUES } from '../queues/queue-names';
import { ReferralsModule } from '../referrals/referrals.module';
import { SegmentsModule } from '../segments/segments.module';
import { OutreachClick } from './entities/outreach-click.entity';
import { OutreachMessage } from './entities/outreach-message.entity';
import { OutreachSend } from './entities/outreach-send.entity';
import { OutreachTemplate } from './entities/outreach-template.entity';
import { OutreachDeliveryService } from './outreach-delivery.service';
import { OutreachPreviewService } from './outreach-preview.service';
import { OutreachRecipientsController } from './outreach-recipients.controller';
import { OutreachRecipientsService } from './outreach-recipients.service';
import { OutreachSendsController } from './outreach-sends.controller';
import { OutreachReportsService } from './outreach-reports.service';
import { OutreachSendsService } from './outreach-sends.service';
import { OutreachTemplatesController } from './outreach-templates.controller';
import { OutreachTemplatesService } from './outreach-templates.service';
import { OutreachTrackingController } from './outreach-tracking.controller';
import { OutreachProcessor } from './outreach.processor';

/**
 * Segment-tailored outreach: templates, sends through the `outreach` queue over SMTP, a per-recipient
 * throttle, unsubscribe (consent flags on customers), click tracking and the review-gating guard.
 */
@Module({
  imports: [
    MailModule,
    ReferralsModule,
    SegmentsModule,
    BullModule.registerQueue({ name: QUEUES.outreach }),
    TypeOrmModule.forFeature([
      OutreachTemplate,
      OutreachSend,
      OutreachMessage,
      OutreachClick,
    ]),
  ],
  controllers: [
    OutreachTemplatesController,
    OutreachSendsController,
    OutreachRecipientsController,
    OutreachTrackingController,
  ],
  providers: [
    OutreachTemplatesService,
    OutreachPreviewService,
    OutreachSendsService,
    OutreachReportsService,
    OutreachDeliveryService,
    OutreachRecipientsService,
    OutreachProcessor,
  ],
})
export class OutreachModule implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.outreach) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.RUN_WORKERS) return;
    await this.queue.upsertJobScheduler(
      'outreach-tick',
      { every: 60_000 },
      {
        name: 'tick',
        data: { reason: 'schedule' } satisfies OutreachJobs['tick'],
      },
    );
  }
}
