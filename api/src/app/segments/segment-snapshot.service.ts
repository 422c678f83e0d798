import {
  DEFAULT_SEGMENT_RULES,
  SegmentRules,
  SegmentSnapshot,
  UNKNOWN_SEGMENT_SNAPSHOT,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

interface SnapshotRow {
  segment_key: string;
  nps_category: SegmentSnapshot['npsCategory'];
  last_score: number | null;
  advocacy_level: SegmentSnapshot['advocacyLevel'];
  loyalty: SegmentSnapshot['loyalty'];
  churn_risk: boolean;
  computed_at: Date;
  rules: SegmentRules | null;
}

/**
 * The one helper every feature calls to stamp a record with its advocate's segment
 * at the moment it was made. Pass the transaction's manager to read inside it.
 */
@Injectable()
export class SegmentSnapshotService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async snapshotFor(
    customerId: string,
    manager?: EntityManager,
  ): Promise<SegmentSnapshot> {
    const rows: SnapshotRow[] = await (manager ?? this.db).query(
      `SELECT cs.segment_key, cs.nps_category, cs.last_score, cs.advocacy_level, cs.loyalty, cs.churn_risk,
              cs.computed_at, (SELECT rules FROM segment_rule_sets WHERE programme_id IS NULL LIMIT 1) AS rules
         FROM customer_segments cs WHERE cs.customer_id = $1`,
      [customerId],
    );
    const row = rows[0];
    if (!row) return { ...UNKNOWN_SEGMENT_SNAPSHOT };
    const rules = row.rules ?? DEFAULT_SEGMENT_RULES;
    const name =
      rules.segments.find((segment) => segment.key === row.segment_key)?.name ??
      row.segment_key;
    return {
      segmentKey: row.segment_key,
      segmentName: name,
      npsCategory: row.nps_category,
      lastScore: row.last_score,
      advocacyLevel: row.advocacy_level,
      loyalty: row.loyalty,
      churnRisk: row.churn_risk,
      computedAt: row.computed_at.toISOString(),
    };
  }
}
