import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AmbassadorJobs, QUEUES } from '../queues/queue-names';
import { ApplicationEmailConfirmationService } from './application-email-confirmation.service';

/** Thin: parses the job and hands it to the confirmation service. */
@Processor(QUEUES.ambassadors, { autorun: false })
export class AmbassadorsProcessor extends WorkerHost {
  constructor(
    private readonly confirmation: ApplicationEmailConfirmationService,
  ) {
    super();
  }

  async process(
    job: Job<AmbassadorJobs[keyof AmbassadorJobs]>,
  ): Promise<unknown> {
    if ((job.name as keyof AmbassadorJobs) !== 'confirm-email')
      throw new Error(`Unknown ambassadors job ${job.name}`);
    return {
      outcome: await this.confirmation.send(
        job.data.applicationId,
        job.data.token,
      ),
    };
  }
}
