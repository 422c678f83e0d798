import {
  API_PATHS,
  API_PREFIX,
  ConversionEventReceipt,
  fillPath,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sha256 } from '../../common/crypto/hash';
import { unprocessable } from '../../common/errors';
import { stableJson } from '../../common/idempotency/idempotency.service';
import { ConversionEventDto } from './dto/conversion-event.dto';

/** Events of one customer always land in the same lane; lanes are processed in parallel. */
export const EVENT_LANES = 4;
/** One INSERT carries at most this many events. */
const MAX_BATCH = 500;
/** Inserts in flight at once; later arrivals wait and ride the next batch. */
const MAX_IN_FLIGHT = 4;

interface Pending {
  event: ConversionEventDto;
  hash: string;
  resolve: (receipt: ConversionEventReceipt) => void;
  reject: (error: unknown) => void;
}

interface StoredHash {
  event_id: string;
  payload_hash: string;
}

/**
 * Accepts brand events durably and fast: concurrent requests are gathered into one multi-row
 * INSERT (group commit), and each is answered only once its row has committed. A reused event
 * id with the same body gets the same receipt; with another body, 422.
 */
@Injectable()
export class EventInboxService {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  accept(event: ConversionEventDto): Promise<ConversionEventReceipt> {
    const hash = sha256(
      stableJson({ ...event, customer: { ...event.customer } }),
    );
    return new Promise((resolve, reject) => {
      this.queue.push({ event, hash, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT) return;
    this.scheduled = true;
    // One turn of the event loop lets requests that arrived together share the insert.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.inFlight += 1;
    try {
      const stored = await this.insert(batch);
      for (const pending of batch) {
        if (stored.get(pending.event.id) === pending.hash)
          pending.resolve(receiptFor(pending.event.id));
        else
          pending.reject(
            unprocessable(
              'This event id was already used for a different event',
              {
                id: 'was already used for a different event',
              },
            ),
          );
      }
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.inFlight -= 1;
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** Inserts new ids and answers each id's stored hash, whoever stored it. */
  private async insert(batch: Pending[]): Promise<Map<string, string>> {
    const rows: StoredHash[] = await this.db.query(
      `WITH incoming AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::smallint[])
                  AS i(event_id, type, payload_hash, payload, lane)
       ), inserted AS (
         INSERT INTO referral_events (event_id, type, payload_hash, payload, lane)
         SELECT event_id, type, payload_hash, payload, lane FROM incoming
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id, payload_hash
       )
       SELECT event_id, payload_hash FROM inserted
       UNION ALL
       SELECT e.event_id, e.payload_hash FROM referral_events e
        WHERE e.event_id = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.event_id = e.event_id)`,
      [
        batch.map((p) => p.event.id),
        batch.map((p) => p.event.type),
        batch.map((p) => p.hash),
        batch.map((p) => JSON.stringify(p.event)),
        batch.map((p) => laneOf(p.event.customer.email)),
      ],
    );
    const stored = new Map(rows.map((row) => [row.event_id, row.payload_hash]));
    // A duplicate committed by a parallel insert is past this statement's snapshot: read it anew.
    const missing = batch
      .map((p) => p.event.id)
      .filter((id) => !stored.has(id));
    if (missing.length > 0) {
      const late: StoredHash[] = await this.db.query(
        `SELECT event_id, payload_hash FROM referral_events WHERE event_id = ANY($1::text[])`,
        [missing],
      );
      for (const row of late) stored.set(row.event_id, row.payload_hash);
    }
    return stored;
  }
}

export function receiptFor(eventId: string): ConversionEventReceipt {
  return {
    eventId,
    status: 'accepted',
    statusUrl: `${API_PREFIX}/${fillPath(API_PATHS.referralEvents.eventStatus, { eventId })}`,
  };
}

/** By the customer's email, as the processor identifies customers by it. */
export function laneOf(email: string): number {
  return (
    createHash('sha256').update(email.trim().toLowerCase()).digest()[0] %
    EVENT_LANES
  );
}
