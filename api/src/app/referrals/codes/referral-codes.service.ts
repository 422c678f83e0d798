import {
  eligibilityReason,
  MyProgramme,
  MyReferrals,
  vanityCodeProblem,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthUser } from '../../common/access';
import { conflict, invalid, notFound } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { SegmentRulesService } from '../../segments/segment-rules.service';
import { SegmentSnapshotService } from '../../segments/segment-snapshot.service';
import { ReferralCode } from '../entities/referral-code.entity';
import { ReferralProgramme } from '../entities/referral-programme.entity';
import { toProgrammeReward } from '../programmes/programme-mapping';
import { isUniqueViolation } from '../../database/unique-violation';
import { RedirectService } from '../redirect/redirect.service';
import { generateCode } from './code-generator';

const CODE_KEY = 'referral_codes_code_key';
const MAX_ATTEMPTS = 5;

/** An active programme the advocate may share, with their codes in it. */
export interface ShareableProgramme {
  programme: ReferralProgramme;
  code: ReferralCode;
  vanity: ReferralCode | null;
}

@Injectable()
export class ReferralCodesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshots: SegmentSnapshotService,
    private readonly rules: SegmentRulesService,
    private readonly redirect: RedirectService,
    private readonly config: AppConfig,
  ) {}

  /** Every active programme: eligible ones with the advocate's code (made on first visit), others with the reason. */
  async my(user: AuthUser): Promise<MyReferrals> {
    const customerId = user.customerId;
    if (!customerId) return { programmes: [] };
    const programmes = await this.db.getRepository(ReferralProgramme).find({
      where: { status: 'active' },
      order: { createdAt: 'ASC' },
    });
    const segmentKey = await this.currentSegment(customerId);
    const names = await this.segmentNames();
    const result: MyProgramme[] = [];
    for (const programme of programmes) {
      const base = {
        programmeId: programme.id,
        name: programme.name,
        referrerReward: toProgrammeReward(
          programme.referrerReward,
          programme.currency,
        ),
        friendReward: programme.friendReward
          ? toProgrammeReward(programme.friendReward, programme.currency)
          : null,
      };
      if (!isEligible(programme, segmentKey)) {
        result.push({
          ...base,
          eligible: false,
          reason: eligibilityReason(programme.eligibleSegments, names),
          code: null,
          vanityCode: null,
          shareUrl: null,
        });
        continue;
      }
      const share = await this.shareable(customerId, programme);
      result.push({
        ...base,
        eligible: true,
        reason: null,
        code: share.code.code,
        vanityCode: share.vanity?.code ?? null,
        shareUrl: this.shareUrl(share.vanity?.code ?? share.code.code),
      });
    }
    return { programmes: result };
  }

  /** The advocate's codes in one programme; refuses programmes they cannot share. */
  async forProgramme(
    user: AuthUser,
    programmeId: string,
  ): Promise<ShareableProgramme> {
    const customerId = user.customerId;
    const programme = await this.db
      .getRepository(ReferralProgramme)
      .findOneBy({ id: programmeId, status: 'active' });
    if (!customerId || !programme) throw notFound('Programme');
    if (!isEligible(programme, await this.currentSegment(customerId)))
      throw invalid(
        {
          programmeId: eligibilityReason(
            programme.eligibleSegments,
            await this.segmentNames(),
          ),
        },
        'You are not eligible for this programme',
      );
    return this.shareable(customerId, programme);
  }

  /**
   * A customer's share link in one active programme for messages sent on their behalf (outreach):
   * their vanity or default code, made now when `create` is set, or why they cannot share it.
   */
  async shareLinkFor(
    customerId: string,
    programmeId: string,
    create: boolean,
  ): Promise<{
    code: string | null;
    url: string | null;
    reason: string | null;
  }> {
    const programme = await this.db
      .getRepository(ReferralProgramme)
      .findOneBy({ id: programmeId, status: 'active' });
    if (!programme)
      return { code: null, url: null, reason: 'The programme is not active' };
    if (!isEligible(programme, await this.currentSegment(customerId)))
      return {
        code: null,
        url: null,
        reason: eligibilityReason(
          programme.eligibleSegments,
          await this.segmentNames(),
        ),
      };
    const existing = await this.db.getRepository(ReferralCode).find({
      where: { programmeId, customerId, disabledAt: IsNull() },
    });
    const found =
      existing.find((c) => c.isVanity) ?? existing.find((c) => !c.isVanity);
    if (found)
      return { code: found.code, url: this.shareUrl(found.code), reason: null };
    if (!create) return { code: null, url: null, reason: null };
    const share = await this.shareable(customerId, programme);
    const code = share.vanity?.code ?? share.code.code;
    return { code, url: this.shareUrl(code), reason: null };
  }

  shareUrl(code: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/r/${code}`;
  }

  /** Sets the advocate's one vanity code in a programme; a previous one is disabled. */
  async setVanity(
    user: AuthUser,
    programmeId: string,
    raw: string,
  ): Promise<MyProgramme> {
    const {
      programme,
      code: defaultCode,
      vanity,
    } = await this.forProgramme(user, programmeId);
    const code = raw.trim().toLowerCase();
    const problem = vanityCodeProblem(code, [
      programme.slug,
      ...programme.slug.split('-'),
    ]);
    if (problem) throw invalid({ code: problem });
    if (vanity?.code === code) return this.view(programme, defaultCode, vanity);
    try {
      const created = await this.db.transaction(async (manager) => {
        const repo = manager.getRepository(ReferralCode);
        if (await repo.existsBy({ code }))
          throw conflict('That code is taken', { code: 'is taken' });
        await repo.update(
          {
            programmeId,
            customerId: defaultCode.customerId,
            isVanity: true,
            disabledAt: IsNull(),
          },
          { disabledAt: new Date() },
        );
        return repo.save(
          repo.create({
            code,
            programmeId,
            customerId: defaultCode.customerId,
            isVanity: true,
            segmentSnapshot: await this.snapshots.snapshotFor(
              defaultCode.customerId,
              manager,
            ),
            segmentKey: defaultCode.segmentKey,
            disabledAt: null,
          }),
        );
      });
      this.redirect.invalidate();
      return this.view(programme, defaultCode, created);
    } catch (error) {
      if (isUniqueViolation(error, CODE_KEY))
        throw conflict('That code is taken', { code: 'is taken' });
      throw error;
    }
  }

  private view(
    programme: ReferralProgramme,
    code: ReferralCode,
    vanity: ReferralCode | null,
  ): MyProgramme {
    return {
      programmeId: programme.id,
      name: programme.name,
      referrerReward: toProgrammeReward(
        programme.referrerReward,
        programme.currency,
      ),
      friendReward: programme.friendReward
        ? toProgrammeReward(programme.friendReward, programme.currency)
        : null,
      eligible: true,
      reason: null,
      code: code.code,
      vanityCode: vanity?.code ?? null,
      shareUrl: this.shareUrl(vanity?.code ?? code.code),
    };
  }

  private async shareable(
    customerId: string,
    programme: ReferralProgramme,
  ): Promise<ShareableProgramme> {
    const repo = this.db.getRepository(ReferralCode);
    const codes = await repo.find({
      where: { programmeId: programme.id, customerId, disabledAt: IsNull() },
    });
    const code =
      codes.find((c) => !c.isVanity) ??
      (await this.createDefault(customerId, programme.id));
    return { programme, code, vanity: codes.find((c) => c.isVanity) ?? null };
  }

  /** Inserts the default code; a racing request's code wins, and a code collision retries with a new one. */
  private async createDefault(
    customerId: string,
    programmeId: string,
  ): Promise<ReferralCode> {
    return this.db.transaction(async (manager) => {
      const snapshot = await this.snapshots.snapshotFor(customerId, manager);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        await manager.query(
          `INSERT INTO referral_codes (code, programme_id, customer_id, is_vanity, segment_snapshot, segment_key)
           VALUES ($1, $2, $3, false, $4, $5) ON CONFLICT DO NOTHING`,
          [
            generateCode(),
            programmeId,
            customerId,
            JSON.stringify(snapshot),
            snapshot.segmentKey,
          ],
        );
        const found = await this.findDefault(manager, customerId, programmeId);
        if (found) return found;
      }
      throw new Error('Could not create a unique referral code');
    });
  }

  private findDefault(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
  ): Promise<ReferralCode | null> {
    return manager
      .getRepository(ReferralCode)
      .findOneBy({ programmeId, customerId, isVanity: false });
  }

  private async currentSegment(customerId: string): Promise<string> {
    const rows: { segment_key: string }[] = await this.db.query(
      `SELECT segment_key FROM customer_segments WHERE customer_id = $1`,
      [customerId],
    );
    return rows[0]?.segment_key ?? 'unsurveyed';
  }

  private async segmentNames(): Promise<Record<string, string>> {
    const rules = (await this.rules.current()).rules;
    return Object.fromEntries(rules.segments.map((s) => [s.key, s.name]));
  }
}

function isEligible(programme: ReferralProgramme, segmentKey: string): boolean {
  return (
    programme.eligibleSegments.length === 0 ||
    programme.eligibleSegments.includes(segmentKey)
  );
}
