import { ConversionCounts } from '@advocacy/shared';
import { EntityManager } from 'typeorm';

/**
 * Where the advocate's funnel reads sign-ups, purchases and rewards past the click; the
 * referral records feature implements it, so codes need not know its tables.
 */
export abstract class ConversionCounter {
  abstract countsFor(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
  ): Promise<ConversionCounts | null>;
}
