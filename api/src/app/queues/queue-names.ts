/** Every queue and the payload of each of its jobs, in one place. */
export const QUEUES = {
  maintenance: 'maintenance',
  segments: 'segments',
  imports: 'imports',
  rewards: 'rewards',
  webhooks: 'webhooks',
  outreach: 'outreach',
  ambassadors: 'ambassadors',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface MaintenanceJobs {
  'purge-expired-tokens': { olderThanDays: number };
}

export interface SegmentJobs {
  /** Recompute everyone, or only these customers when their inputs changed. */
  recompute: { customerIds?: string[]; reason: string };
}

export interface ImportJobs {
  run: { importId: string };
}

export interface RewardJobs {
  /** Deliver one claimed reward (coupon codes); safe to run twice. */
  fulfil: { rewardId: string };
  /** Scheduled: release ended holds, expire unclaimed rewards, re-queue stuck fulfilments, purge day-old idempotency keys. */
  tick: { reason: string };
}

export interface WebhookJobs {
  /** Fan undispatched outbox events out to deliveries; also scheduled as a sweep. */
  dispatch: { reason: string };
  /** One delivery, retried with exponential backoff; its job id is the delivery id. */
  deliver: { deliveryId: string };
}

export interface OutreachJobs {
  /** Create the send's message rows (once) and deliver them in batches; safe to run twice. */
  deliver: { sendId: string };
  /** Scheduled: start due sends whose job was lost, and resume stalled ones. */
  tick: { reason: string };
}

export interface AmbassadorJobs {
  /** Mail a public applicant the link to confirm their email; retried while the mail server is busy. */
  'confirm-email': { applicationId: string; token: string };
}

export type JobName<Jobs> = Extract<keyof Jobs, string>;
