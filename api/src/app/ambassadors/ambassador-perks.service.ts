import { PerkCodesResult, PerkView } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, RequestContext } from '../common/access';
import { forbidden, invalid, notFound, unprocessable } from '../common/errors';
import { landingUrlProblem } from '../referrals/programmes/landing-url';
import { RewardsService } from '../rewards/rewards.service';
import { isCurrentAmbassador } from './ambassador-membership';
import { toPerkView } from './ambassador-mapping';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { PerkDto } from './dto/perk.dto';
import { AmbassadorPerkClaim } from './entities/ambassador-perk-claim.entity';
import { AmbassadorPerk } from './entities/ambassador-perk.entity';

const MAX_CODE_LENGTH = 100;

/** What ambassadors get: perks (exclusive codes, early access, rewards through the ledger). */
@Injectable()
export class AmbassadorPerksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: AmbassadorProgrammesService,
    private readonly rewards: RewardsService,
    private readonly audit: AuditService,
  ) {}

  async listPerks(programmeId: string): Promise<PerkView[]> {
    await this.programmes.find(this.db.manager, programmeId);
    const perks = await this.db
      .getRepository(AmbassadorPerk)
      .find({ where: { programmeId }, order: { createdAt: 'ASC' } });
    const left: { perk_id: string; n: string }[] = await this.db.query(
      `SELECT perk_id, count(*) AS n FROM ambassador_perk_codes c JOIN ambassador_perks p ON p.id = c.perk_id
        WHERE p.programme_id = $1 AND c.customer_id IS NULL GROUP BY perk_id`,
      [programmeId],
    );
    const byPerk = new Map(left.map((r) => [r.perk_id, Number(r.n)]));
    return perks.map((p) => ({
      ...toPerkView(p),
      ...(p.kind === 'code' ? { codesLeft: byPerk.get(p.id) ?? 0 } : {}),
    }));
  }

  async createPerk(
    ctx: RequestContext,
    programmeId: string,
    body: PerkDto,
  ): Promise<PerkView> {
    const errors: Record<string, string> = {};
    if (body.kind === 'reward' && !body.reward)
      errors['reward'] = 'is required for a reward perk';
    if (body.kind !== 'reward' && body.reward)
      errors['reward'] = 'only reward perks grant a reward';
    if (body.reward?.type === 'store_credit' && !body.reward.currency)
      errors['reward.currency'] = 'is required for store credit';
    if (body.kind === 'early_access' && !body.startsAt)
      errors['startsAt'] = 'is required for early access';
    if (body.startsAt && body.endsAt && body.endsAt <= body.startsAt)
      errors['endsAt'] = 'must be after the start';
    if (body.link) {
      const problem = landingUrlProblem(body.link);
      if (problem) errors['link'] = problem;
    }
    if (Object.keys(errors).length > 0) throw invalid(errors);
    return this.db.transaction(async (manager) => {
      await this.programmes.find(manager, programmeId);
      const saved = await manager.getRepository(AmbassadorPerk).save({
        programmeId,
        kind: body.kind,
        title: body.title.trim(),
        description: body.description.trim(),
        startsAt: body.startsAt ? new Date(body.startsAt) : null,
        endsAt: body.endsAt ? new Date(body.endsAt) : null,
        link: body.link?.trim() || null,
        reward: body.reward
          ? {
              type: body.reward.type,
              amount: body.reward.amount,
              currency: body.reward.currency ?? null,
            }
          : null,
      });
      await this.audit.record(
        ctx,
        {
          action: 'ambassador_perk.created',
          entityType: 'ambassador_perk',
          entityId: saved.id,
          after: toPerkView(saved),
        },
        manager,
      );
      return {
        ...toPerkView(saved),
        ...(saved.kind === 'code' ? { codesLeft: 0 } : {}),
      };
    });
  }

  /** Pasted or one-column CSV codes; duplicates (in the paste or already stored) are skipped, not errors. */
  async importCodes(
    ctx: RequestContext,
    perkId: string,
    text: string,
  ): Promise<PerkCodesResult> {
    const codes = text
      .split(/[\r\n,;]+/)
      .map((c) => c.trim().replace(/^"(.*)"$/, '$1'))
      .filter((c) => c !== '' && c.toLowerCase() !== 'code');
    const tooLong = codes.find((c) => c.length > MAX_CODE_LENGTH);
    if (tooLong)
      throw invalid({
        codes: `has a code longer than ${MAX_CODE_LENGTH} characters: ${tooLong.slice(0, 20)}…`,
      });
    if (codes.length === 0) throw invalid({ codes: 'has no codes' });
    if (codes.length > 50_000)
      throw invalid({ codes: 'may hold at most 50,000 codes at once' });
    return this.db.transaction(async (manager) => {
      const perk = await manager
        .getRepository(AmbassadorPerk)
        .findOneBy({ id: perkId });
      if (!perk) throw notFound('Perk');
      if (perk.kind !== 'code')
        throw unprocessable('Only code perks take codes', {
          codes: 'this perk does not use codes',
        });
      const unique = [...new Set(codes)];
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO ambassador_perk_codes (perk_id, code)
           SELECT $1, unnest($2::text[]) ON CONFLICT (perk_id, code) DO NOTHING RETURNING id`,
        [perkId, unique],
      );
      const [left]: { n: string }[] = await manager.query(
        `SELECT count(*) AS n FROM ambassador_perk_codes WHERE perk_id = $1 AND customer_id IS NULL`,
        [perkId],
      );
      await this.audit.record(
        ctx,
        {
          action: 'ambassador_perk.codes_imported',
          entityType: 'ambassador_perk',
          entityId: perkId,
          after: { added: inserted.length },
        },
        manager,
      );
      return {
        added: inserted.length,
        duplicates: codes.length - inserted.length,
        codesLeft: Number(left.n),
      };
    });
  }

  /** Once per ambassador and perk; a code is taken with SKIP LOCKED so two claims never share one. */
  async claim(user: AuthUser, perkId: string): Promise<PerkView> {
    const customerId = user.customerId;
    if (!customerId) throw forbidden('Your account has no customer record');
    return this.db.transaction(async (manager) => {
      const perk = await manager
        .getRepository(AmbassadorPerk)
        .findOneBy({ id: perkId });
      if (
        !perk ||
        !(await isCurrentAmbassador(manager, perk.programmeId, customerId))
      )
        throw notFound('Perk');
      const claims = manager.getRepository(AmbassadorPerkClaim);
      const existing = await claims.findOne({
        where: { perkId, customerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing) return this.withClaim(perk, existing);
      const now = Date.now();
      if (perk.startsAt && perk.startsAt.getTime() > now)
        throw unprocessable(
          `This perk opens on ${perk.startsAt.toISOString().slice(0, 10)}`,
        );
      if (perk.endsAt && perk.endsAt.getTime() <= now)
        throw unprocessable('This perk has ended');
      let code: string | null = null;
      let rewardId: string | null = null;
      if (perk.kind === 'code') {
        const [free]: { id: string; code: string }[] = await manager.query(
          `SELECT id, code FROM ambassador_perk_codes WHERE perk_id = $1 AND customer_id IS NULL
            ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [perkId],
        );
        if (!free)
          throw unprocessable(
            'All codes for this perk have been handed out; the team has been told.',
          );
        await manager.query(
          `UPDATE ambassador_perk_codes SET customer_id = $2, assigned_at = now() WHERE id = $1`,
          [free.id, customerId],
        );
        code = free.code;
      }
      if (perk.kind === 'reward' && perk.reward) {
        const result = await this.rewards.grant(manager, {
          customerId,
          type: perk.reward.type,
          ...(perk.reward.type === 'points'
            ? { points: perk.reward.amount }
            : { amountMinor: perk.reward.amount }),
          currency: perk.reward.currency,
          source: 'ambassador',
          sourceRef: `perk:${perk.id}`,
          holdDays: 0,
          reason: `Ambassador perk: ${perk.title}`,
        });
        rewardId = result.reward.id;
      }
      const saved = await claims.save({ perkId, customerId, code, rewardId });
      return this.withClaim(perk, saved);
    });
  }

  async perksFor(programmeId: string, customerId: string): Promise<PerkView[]> {
    const perks = await this.db
      .getRepository(AmbassadorPerk)
      .find({ where: { programmeId }, order: { createdAt: 'ASC' } });
    const claims = await this.db
      .getRepository(AmbassadorPerkClaim)
      .findBy({ customerId });
    const byPerk = new Map(claims.map((c) => [c.perkId, c]));
    return perks.map((p) => this.withClaim(p, byPerk.get(p.id) ?? null));
  }

  private withClaim(
    perk: AmbassadorPerk,
    claim: AmbassadorPerkClaim | null,
  ): PerkView {
    return {
      ...toPerkView(perk),
      claimed: claim
        ? {
            code: claim.code,
            rewardId: claim.rewardId,
            at: claim.claimedAt.toISOString(),
          }
        : null,
    };
  }
}
