import { FraudRuleName, ReferralReason } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FraudReview } from '../entities/fraud-review.entity';
import {
  fraudSettings,
  isDisposableEmail,
  isSelfReferral,
  RULE_SEVERITY,
} from './fraud-rules';

export interface FraudSubject {
  programmeId: string;
  fraudRules: Record<string, unknown>;
  windowDays: number;
  referrer: { id: string; email: string };
  friend: { id: string; email: string };
  clickId: string | null;
  ipHash: string | null;
  userAgent: string | null;
}

export interface FraudVerdict {
  status: 'pending' | 'rejected' | 'in_review';
  reasonCode: ReferralReason | null;
  hits: { rule: FraudRuleName; mode: 'enforce' | 'shadow' }[];
}

/** Runs every rule that is not off; shadow hits are recorded but never change the outcome. */
@Injectable()
export class FraudCheckService {
  async evaluate(
    manager: EntityManager,
    subject: FraudSubject,
  ): Promise<FraudVerdict> {
    const settings = fraudSettings(subject.fraudRules);
    const fired = await this.firedRules(manager, subject, settings);
    const hits = fired
      .filter((rule) => settings.modes[rule] !== 'off')
      .map((rule) => ({
        rule,
        mode: settings.modes[rule] as 'enforce' | 'shadow',
      }));
    const enforced = hits.filter((hit) => hit.mode === 'enforce');
    const reject = enforced.find((hit) => RULE_SEVERITY[hit.rule] === 'reject');
    if (reject) return { status: 'rejected', reasonCode: reject.rule, hits };
    const review = enforced.find((hit) => RULE_SEVERITY[hit.rule] === 'review');
    if (review) return { status: 'in_review', reasonCode: review.rule, hits };
    return { status: 'pending', reasonCode: null, hits };
  }

  /** Stores one row per hit: enforced ones carry the decision, shadow ones are flags for managers. */
  async record(
    manager: EntityManager,
    referralId: string,
    verdict: FraudVerdict,
  ): Promise<void> {
    if (verdict.hits.length === 0) return;
    await manager.getRepository(FraudReview).insert(
      verdict.hits.map((hit) => ({
        referralId,
        rule: hit.rule,
        mode: hit.mode,
        decision:
          hit.mode === 'shadow'
            ? ('flagged' as const)
            : RULE_SEVERITY[hit.rule] === 'reject'
              ? ('rejected' as const)
              : ('pending' as const),
      })),
    );
  }

  private async firedRules(
    manager: EntityManager,
    subject: FraudSubject,
    settings: ReturnType<typeof fraudSettings>,
  ): Promise<FraudRuleName[]> {
    const fired: FraudRuleName[] = [];
    if (isSelfReferral(subject.referrer, subject.friend))
      fired.push('self_referral');
    if (isDisposableEmail(subject.friend.email)) fired.push('disposable_email');
    // Same device cookie: the click id lives in one browser, so a second friend presenting it is the same device.
    if (subject.clickId && settings.modes.same_device !== 'off') {
      const reused: unknown[] = await manager.query(
        `SELECT 1 FROM referrals WHERE click_id = $1 AND friend_customer_id <> $2 LIMIT 1`,
        [subject.clickId, subject.friend.id],
      );
      if (reused.length > 0) fired.push('same_device');
    }
    if (
      subject.ipHash &&
      subject.userAgent &&
      settings.modes.ip_and_agent !== 'off'
    ) {
      // Never the address alone: offices and phones share addresses, not address plus browser.
      const twins: unknown[] = await manager.query(
        `SELECT 1 FROM referrals WHERE referrer_customer_id = $1 AND ip_hash = $2 AND user_agent = $3
            AND friend_customer_id <> $4 AND created_at > now() - make_interval(days => $5) LIMIT 1`,
        [
          subject.referrer.id,
          subject.ipHash,
          subject.userAgent,
          subject.friend.id,
          subject.windowDays,
        ],
      );
      if (twins.length > 0) fired.push('ip_and_agent');
    }
    if (
      settings.modes.velocity !== 'off' &&
      (await this.tooFast(manager, subject, settings))
    )
      fired.push('velocity');
    return fired;
  }

  /** Two indexed counts (per address, per advocate) over the last day. */
  private async tooFast(
    manager: EntityManager,
    subject: FraudSubject,
    settings: ReturnType<typeof fraudSettings>,
  ): Promise<boolean> {
    const [counts]: { per_ip: string; per_advocate: string }[] =
      await manager.query(
        `SELECT (SELECT count(*) FROM referrals WHERE $1::text IS NOT NULL AND ip_hash = $1
                  AND created_at > now() - interval '1 day') AS per_ip,
              (SELECT count(*) FROM referrals WHERE referrer_customer_id = $2
                  AND created_at > now() - interval '1 day') AS per_advocate`,
        [subject.ipHash, subject.referrer.id],
      );
    return (
      Number(counts.per_ip) >= settings.velocityPerIpPerDay ||
      Number(counts.per_advocate) >= settings.velocityPerAdvocatePerDay
    );
  }
}
