import {
  applicationScore,
  checkEligibility,
  EligibilityCheck,
  EligibilityFacts,
  EligibilityRules,
  SegmentSnapshot,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SegmentRulesService } from '../segments/segment-rules.service';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';

export interface ApplicantFacts {
  snapshot: SegmentSnapshot;
  facts: EligibilityFacts;
  score: number;
}

/** What eligibility and the score are computed from: current segment, referrals, NPS, tenure. */
@Injectable()
export class AmbassadorFactsService {
  constructor(
    private readonly snapshots: SegmentSnapshotService,
    private readonly rules: SegmentRulesService,
  ) {}

  async factsFor(
    manager: EntityManager,
    customerId: string,
  ): Promise<ApplicantFacts> {
    const snapshot = await this.snapshots.snapshotFor(customerId, manager);
    const [row]: { qualified: string; since: Date }[] = await manager.query(
      `SELECT (SELECT count(*) FROM referrals r WHERE r.referrer_customer_id = c.id AND r.status = 'qualified') AS qualified,
              coalesce(c.first_purchase_at, c.created_at) AS since
         FROM customers c WHERE c.id = $1`,
      [customerId],
    );
    const facts: EligibilityFacts = {
      segmentKey: snapshot.segmentKey,
      segmentName: snapshot.segmentName,
      npsCategory: snapshot.npsCategory,
      lastNps: snapshot.lastScore,
      qualifiedReferrals: Number(row?.qualified ?? 0),
      customerDays: row
        ? Math.max(
            0,
            Math.floor((Date.now() - row.since.getTime()) / 86_400_000),
          )
        : 0,
    };
    return { snapshot, facts, score: applicationScore(facts) };
  }

  async check(
    manager: EntityManager,
    rules: EligibilityRules,
    facts: EligibilityFacts,
  ): Promise<EligibilityCheck> {
    return checkEligibility(rules, facts, await this.segmentNames(manager));
  }

  async segmentNames(manager: EntityManager): Promise<Record<string, string>> {
    const current = await this.rules.current(manager);
    return Object.fromEntries(
      current.rules.segments.map((s) => [s.key, s.name]),
    );
  }
}
