/** Every queue and the payload of each of its jobs, in one place. */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface MaintenanceJobs {
  'purge-expired-tokens': { olderThanDays: number };
}

export type JobName<Jobs> = Extract<keyof Jobs, string>;
