import { ConversionEventRequest, EventOutcome } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReferralProgramme } from '../entities/referral-programme.entity';
import { Referral } from '../entities/referral.entity';
import { ReferralLifecycleService } from '../referral-records/referral-lifecycle.service';
import { AttributionService } from './attribution.service';
import { EventCustomerRow, upsertEventCustomer } from './customer-upsert';

export interface HandledEvent {
  outcome: EventOutcome;
  referralId: string | null;
  /** Referrers whose segment inputs changed. */
  recompute: string[];
}

const DAY_MS = 86_400_000;

/** What each event type does to customers and referrals, inside the caller's transaction. */
@Injectable()
export class ConversionHandlers {
  constructor(
    private readonly attribution: AttributionService,
    private readonly lifecycle: ReferralLifecycleService,
  ) {}

  async handle(
    manager: EntityManager,
    event: ConversionEventRequest,
  ): Promise<HandledEvent> {
    const customer = await upsertEventCustomer(manager, event.customer);
    if (event.type === 'signup') return this.signup(manager, event, customer);
    if (event.type === 'purchase')
      return this.purchase(manager, event, customer);
    return this.refund(manager, event, customer);
  }

  private async signup(
    manager: EntityManager,
    event: ConversionEventRequest,
    customer: EventCustomerRow,
  ): Promise<HandledEvent> {
    const existing = await this.referralOf(manager, customer.id);
    if (existing) return done(outcomeOf(existing), existing.id);
    const referral = await this.attribute(manager, event, customer);
    return referral
      ? done(outcomeOf(referral), referral.id)
      : done('not_referred');
  }

  private async purchase(
    manager: EntityManager,
    event: ConversionEventRequest,
    customer: EventCustomerRow,
  ): Promise<HandledEvent> {
    const occurredAt = new Date(event.occurredAt);
    await manager.query(
      `UPDATE customers SET purchase_count = purchase_count + 1,
              purchase_value = purchase_value + $2::numeric / 100,
              first_purchase_at = LEAST(coalesce(first_purchase_at, $3), $3),
              last_purchase_at = GREATEST(coalesce(last_purchase_at, $3), $3)
        WHERE id = $1`,
      [customer.id, event.amountMinor ?? 0, occurredAt],
    );
    let referral = await this.referralOf(manager, customer.id);
    if (!referral) {
      referral = await this.attribute(manager, event, customer);
      if (!referral) return done('not_referred');
    } else if (customer.purchaseCount > 0) {
      // Only the friend's first purchase counts; later ones change nothing.
      return done('recorded', referral.id);
    } else {
      await this.lastClick(manager, event, customer, referral);
    }
    if (referral.status !== 'pending' && referral.status !== 'in_review')
      return done(outcomeOf(referral), referral.id);
    const programme = await manager
      .getRepository(ReferralProgramme)
      .findOneByOrFail({ id: referral.programmeId });
    const windowEnd =
      referral.attributedAt.getTime() +
      programme.attributionWindowDays * DAY_MS;
    if (occurredAt.getTime() > windowEnd) {
      await this.lifecycle.reject(manager, referral, 'outside_window');
      return done('rejected', referral.id);
    }
    if ((event.amountMinor ?? 0) < programme.minPurchaseMinor) {
      await this.lifecycle.reject(manager, referral, 'below_minimum');
      return done('rejected', referral.id);
    }
    await manager.getRepository(Referral).update(
      { id: referral.id },
      {
        purchaseAmountMinor: String(event.amountMinor ?? 0),
        currency: event.currency ?? null,
        orderId: event.orderId ?? null,
      },
    );
    if (referral.status === 'in_review') return done('in_review', referral.id);
    await this.lifecycle.qualify(manager, referral, programme, customer.email);
    return {
      ...done('qualified', referral.id),
      recompute: [referral.referrerCustomerId],
    };
  }

  private async refund(
    manager: EntityManager,
    event: ConversionEventRequest,
    customer: EventCustomerRow,
  ): Promise<HandledEvent> {
    const referral = await this.referralOf(manager, customer.id);
    if (!referral || referral.orderId !== (event.orderId ?? null))
      return done('recorded', referral?.id ?? null);
    if (referral.status === 'in_review') {
      await this.lifecycle.reject(manager, referral, 'refunded');
      return done('rejected', referral.id);
    }
    if (referral.status !== 'qualified' || !referral.qualifiedAt)
      return done(outcomeOf(referral), referral.id);
    await manager.query(
      `UPDATE referrals SET refunded_at = coalesce(refunded_at, $2) WHERE id = $1`,
      [referral.id, new Date(event.occurredAt)],
    );
    const programme = await manager
      .getRepository(ReferralProgramme)
      .findOneByOrFail({ id: referral.programmeId });
    const holdEnd =
      referral.qualifiedAt.getTime() + programme.holdDays * DAY_MS;
    if (new Date(event.occurredAt).getTime() > holdEnd)
      return done('refund_after_hold', referral.id);
    await this.lifecycle.reverse(manager, referral);
    return {
      ...done('reversed', referral.id),
      recompute: [referral.referrerCustomerId],
    };
  }

  /** A new referral from the event's hints, or null when nobody referred this customer. */
  private async attribute(
    manager: EntityManager,
    event: ConversionEventRequest,
    customer: EventCustomerRow,
  ): Promise<Referral | null> {
    const attribution = await this.attribution.resolve(manager, event);
    if (!attribution) return null;
    const existingCustomer =
      customer.purchaseCount > 0 ||
      (!customer.created &&
        attribution.click !== null &&
        customer.createdAt < attribution.click.at);
    return this.lifecycle.create(
      manager,
      attribution,
      customer,
      existingCustomer,
    );
  }

  /** Under last_click, a newer link or code in the same programme takes over a still-pending referral. */
  private async lastClick(
    manager: EntityManager,
    event: ConversionEventRequest,
    customer: EventCustomerRow,
    referral: Referral,
  ): Promise<void> {
    if (referral.status !== 'pending' || (!event.code && !event.clickId))
      return;
    const attribution = await this.attribution.resolve(manager, event);
    if (
      attribution?.programme.id !== referral.programmeId ||
      attribution.programme.attributionModel !== 'last_click' ||
      attribution.codeId === referral.codeId
    )
      return;
    await this.lifecycle.reattribute(manager, referral, attribution, customer);
  }

  private referralOf(
    manager: EntityManager,
    friendId: string,
  ): Promise<Referral | null> {
    return manager.getRepository(Referral).findOne({
      where: { friendCustomerId: friendId },
      order: { createdAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }
}

function done(
  outcome: EventOutcome,
  referralId: string | null = null,
): HandledEvent {
  return { outcome, referralId, recompute: [] };
}

function outcomeOf(referral: Referral): EventOutcome {
  if (referral.reasonCode === 'existing_customer') return 'existing_customer';
  return referral.status === 'pending' ? 'referred' : referral.status;
}
