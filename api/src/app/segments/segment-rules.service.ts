import {
  DEFAULT_SEGMENT_RULES,
  SegmentRules,
  SegmentRulesView,
  segmentRulesProblems,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { invalid } from '../common/errors';
import { SegmentRuleSet } from './entities/segment-rule-set.entity';

// Serialises the lazy creation of the brand-wide row, which no unique index can cover (NULL key).
const CREATE_LOCK = 0x5e9_0001;

/** Copies only the known fields, in a stable order, so stored JSON never carries stray keys. */
export function normaliseRules(rules: SegmentRules): SegmentRules {
  return {
    npsWindowDays: rules.npsWindowDays,
    activeWindowDays: rules.activeWindowDays,
    repeatPurchaseMin: rules.repeatPurchaseMin,
    churnInactiveDays: rules.churnInactiveDays,
    npsDropPoints: rules.npsDropPoints,
    segments: rules.segments.map((segment) => ({
      key: segment.key,
      name: segment.name.trim(),
      ...(segment.npsCategories && {
        npsCategories: [...new Set(segment.npsCategories)],
      }),
      ...(segment.advocacyLevels && {
        advocacyLevels: [...new Set(segment.advocacyLevels)],
      }),
      ...(segment.churnRisk !== undefined && { churnRisk: segment.churnRisk }),
    })),
  };
}

export function assertValidRules(rules: SegmentRules): SegmentRules {
  const problems = segmentRulesProblems(rules);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return normaliseRules(rules);
}

@Injectable()
export class SegmentRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The brand-wide rule set, created with the defaults the first time anyone asks. */
  async current(manager?: EntityManager): Promise<SegmentRuleSet> {
    const repository = (manager ?? this.db.manager).getRepository(
      SegmentRuleSet,
    );
    const found = await repository.findOne({
      where: { programmeId: IsNull() },
      order: { updatedAt: 'ASC' },
    });
    if (found) return found;
    const create = async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CREATE_LOCK]);
      await tx.query(
        `INSERT INTO segment_rule_sets (rules)
         SELECT $1::jsonb WHERE NOT EXISTS (SELECT 1 FROM segment_rule_sets WHERE programme_id IS NULL)`,
        [JSON.stringify(DEFAULT_SEGMENT_RULES)],
      );
      return tx.getRepository(SegmentRuleSet).findOneOrFail({
        where: { programmeId: IsNull() },
        order: { updatedAt: 'ASC' },
      });
    };
    return manager?.queryRunner?.isTransactionActive
      ? create(manager)
      : this.db.transaction(create);
  }

  async view(): Promise<SegmentRulesView> {
    const set = await this.current();
    return { rules: set.rules, updatedAt: set.updatedAt.toISOString() };
  }

  async save(
    ctx: RequestContext,
    input: SegmentRules,
  ): Promise<SegmentRulesView> {
    const rules = assertValidRules(input);
    return this.db.transaction(async (manager) => {
      const set = await this.current(manager);
      const before = set.rules;
      set.rules = rules;
      set.updatedBy = ctx.user?.id ?? null;
      const saved = await manager.getRepository(SegmentRuleSet).save(set);
      await this.audit.record(
        ctx,
        {
          action: 'segment_rules.updated',
          entityType: 'segment_rule_set',
          entityId: saved.id,
          before,
          after: rules,
        },
        manager,
      );
      return { rules: saved.rules, updatedAt: saved.updatedAt.toISOString() };
    });
  }
}
