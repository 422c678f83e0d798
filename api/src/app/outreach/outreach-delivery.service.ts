import {
  firstNameOf,
  isDeliverableAddress,
  MARKETING_PURPOSES,
  renderHtml,
  renderText,
  TemplateValues,
  usedVariables,
  withUnsubscribeFooter,
} from '@advocacy/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { queryReturning } from '../database/sql';
import { MailService } from '../mail/mail.service';
import { ReferralCodesService } from '../referrals/codes/referral-codes.service';
import { signSurveyToken, surveyLinkKey } from '../surveys/survey-token';
import { OutreachSend } from './entities/outreach-send.entity';
import { audienceWhere, skipReasonSql } from './outreach-audience';
import {
  oneClickUnsubscribeUrl,
  TOKEN_SQL,
  trackingUrl,
  unsubscribePageUrl,
} from './outreach-links';
import { refreshCounts } from './outreach-sends.service';

const SURVEY_LINK_DAYS = 30;
/** A message still `sending` after this long belonged to a worker that died mid-send. */
const INTERRUPTED_AFTER_MINUTES = 10;

interface ClaimedMessage {
  id: string;
  customer_id: string;
  email: string;
  token: string;
  name: string;
}

export type DeliveryOutcome = 'not_due' | 'finished' | 'completed';

/** Thrown to make the queue retry a batch later (with backoff) when the mail server is unavailable. */
export class TransientMailError extends Error {}

/**
 * Delivers a send: creates its message rows in one statement when it starts, then claims and
 * mails them a batch at a time. Each row moves queued → sending in its own committed claim before
 * the mail goes out, so two workers, a retried job or a crash never mail anyone twice.
 */
@Injectable()
export class OutreachDeliveryService {
  private readonly logger = new Logger(OutreachDeliveryService.name);
  private readonly surveyKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly referralCodes: ReferralCodesService,
  ) {
    this.surveyKey = surveyLinkKey(config.JWT_SECRET);
  }

  async deliver(
    sendId: string,
    finalAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const send = await this.start(sendId);
    if (!send) return 'not_due';
    const survey = send.surveyId ? await this.surveyWave(send.surveyId) : null;
    const used = usedVariables(send.subject, send.body);
    const needsCode = used.includes('referralLink');
    const needsSurvey = used.includes('surveyLink');
    for (;;) {
      const current = await this.db
        .getRepository(OutreachSend)
        .findOneBy({ id: sendId });
      if (current?.status !== 'running') break;
      const batch = await this.claimBatch(send);
      if (batch.length === 0) break;
      for (const [index, message] of batch.entries()) {
        const outcome = await this.deliverOne(send, message, survey, {
          needsCode,
          needsSurvey,
        });
        if (outcome === 'transient') {
          await this.releaseOrFail(batch.slice(index), finalAttempt);
          await refreshCounts(this.db, sendId);
          if (!finalAttempt)
            throw new TransientMailError(
              'Mail server unavailable; retrying later',
            );
          break;
        }
      }
      await refreshCounts(this.db, sendId);
    }
    return (await this.finish(sendId)) ? 'completed' : 'finished';
  }

  /** Moves a due send to running and creates its message rows; null when it is not (or no longer) deliverable. */
  private async start(sendId: string): Promise<OutreachSend | null> {
    return this.db.transaction(async (manager) => {
      const send = await manager.getRepository(OutreachSend).findOne({
        where: { id: sendId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!send) return null;
      if (send.status === 'running') return send;
      if (
        send.status !== 'scheduled' ||
        send.scheduledAt.getTime() > Date.now() + 1000
      )
        return null;
      const where = audienceWhere(send.audience, 5);
      // Snapshot the audience as it is now; skips decided here need no mail server.
      await manager.query(
        `INSERT INTO outreach_messages (send_id, customer_id, email, nps_category, segment_key, status, reason, token)
         SELECT $1, c.id, c.email, COALESCE(cs.nps_category, 'unknown'), cs.segment_key,
                CASE WHEN r.reason IS NULL THEN 'queued' ELSE 'skipped' END, r.reason, ${TOKEN_SQL}
           FROM customers c
           LEFT JOIN customer_segments cs ON cs.customer_id = c.id
           CROSS JOIN LATERAL (SELECT ${skipReasonSql('$2', '$3', '$4')} AS reason) r
          WHERE ${where.sql}
         ON CONFLICT (send_id, customer_id) DO NOTHING`,
        [
          sendId,
          MARKETING_PURPOSES.includes(send.purpose),
          this.config.OUTREACH_MAX_PER_PERIOD,
          this.config.OUTREACH_PERIOD_DAYS,
          ...where.params,
        ],
      );
      send.status = 'running';
      send.startedAt = new Date();
      await manager.getRepository(OutreachSend).save(send);
      await refreshCounts(manager, sendId);
      return send;
    });
  }

  /** Claims the next batch: queued → sending, skipping anyone consent or the throttle now rules out. */
  private async claimBatch(send: OutreachSend): Promise<ClaimedMessage[]> {
    return this.db.transaction(async (manager) => {
      const candidates: { id: string; customer_id: string }[] =
        await manager.query(
          `SELECT id, customer_id FROM outreach_messages WHERE send_id = $1 AND status = 'queued'
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [send.id, this.config.OUTREACH_BATCH_SIZE],
        );
      if (candidates.length === 0) return [];
      // One customer's messages from concurrent sends are claimed one after the other, so the throttle holds.
      for (const customerId of [
        ...new Set(candidates.map((c) => c.customer_id)),
      ].sort())
        await manager.query(
          `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
          [`outreach:${customerId}`],
        );
      const ids = candidates.map((c) => c.id);
      await manager.query(
        `UPDATE outreach_messages m SET status = 'skipped', reason = r.reason, updated_at = now()
           FROM customers c CROSS JOIN LATERAL (SELECT ${skipReasonSql('$2', '$3', '$4')} AS reason) r
          WHERE m.id = ANY($1::uuid[]) AND c.id = m.customer_id AND r.reason IS NOT NULL`,
        [
          ids,
          MARKETING_PURPOSES.includes(send.purpose),
          this.config.OUTREACH_MAX_PER_PERIOD,
          this.config.OUTREACH_PERIOD_DAYS,
        ],
      );
      return queryReturning<ClaimedMessage>(
        manager,
        `UPDATE outreach_messages m SET status = 'sending', claimed_at = now(), attempts = attempts + 1,
                email = c.email, updated_at = now()
           FROM customers c
          WHERE m.id = ANY($1::uuid[]) AND m.status = 'queued' AND c.id = m.customer_id
          RETURNING m.id, m.customer_id, c.email, m.token, c.name`,
        [ids],
      );
    });
  }

  private async deliverOne(
    send: OutreachSend,
    message: ClaimedMessage,
    survey: { id: string; wave: number } | null,
    needs: { needsCode: boolean; needsSurvey: boolean },
  ): Promise<'done' | 'transient'> {
    if (!isDeliverableAddress(message.email))
      return this.settle(message.id, 'skipped', 'invalid_address');
    if (needs.needsSurvey && !survey)
      return this.settle(message.id, 'skipped', 'survey_unavailable');
    let referralLink = '';
    if (needs.needsCode && send.programmeId) {
      const share = await this.referralCodes.shareLinkFor(
        message.customer_id,
        send.programmeId,
        true,
      );
      if (!share.code)
        return this.settle(message.id, 'skipped', 'not_eligible');
      await this.db.query(
        `UPDATE outreach_messages SET referral_code = $2 WHERE id = $1`,
        [message.id, share.code],
      );
      referralLink = trackingUrl(this.config.PUBLIC_URL, message.token);
    }
    const values: TemplateValues = {
      firstName: firstNameOf(message.name),
      name: message.name,
      referralLink,
      surveyLink: survey ? this.surveyLink(message.customer_id, survey) : '',
      unsubscribeLink: unsubscribePageUrl(
        this.config.PUBLIC_URL,
        message.token,
      ),
    };
    const body = withUnsubscribeFooter(send.body);
    const result = await this.mail.send({
      to: message.email,
      subject: renderText(send.subject, values).replace(/[\r\n]+/g, ' '),
      text: renderText(body, values),
      html: renderHtml(body, values),
      headers: {
        'List-Unsubscribe': `<${oneClickUnsubscribeUrl(this.config.PUBLIC_URL, message.token)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'X-Outreach-Send': send.id,
      },
    });
    if (result.ok) {
      await this.db.query(
        `UPDATE outreach_messages SET status = 'sent', sent_at = now(), smtp_message_id = $2, reason = NULL,
                updated_at = now() WHERE id = $1`,
        [message.id, result.messageId],
      );
      return 'done';
    }
    if (result.transient) {
      this.logger.warn(
        { sendId: send.id, reason: result.reason },
        'Mail server unavailable',
      );
      await this.db.query(
        `UPDATE outreach_messages SET reason = $2 WHERE id = $1`,
        [message.id, result.reason],
      );
      return 'transient';
    }
    return this.settle(message.id, 'failed', result.reason);
  }

  private async settle(
    id: string,
    status: 'skipped' | 'failed',
    reason: string,
  ): Promise<'done'> {
    await this.db.query(
      `UPDATE outreach_messages SET status = $2, reason = $3, updated_at = now() WHERE id = $1`,
      [id, status, reason],
    );
    return 'done';
  }

  /** The mail server turned these away for now: back in the queue, or failed when retries are used up. */
  private async releaseOrFail(
    messages: ClaimedMessage[],
    finalAttempt: boolean,
  ): Promise<void> {
    const ids = messages.map((m) => m.id);
    if (finalAttempt)
      await this.db.query(
        `UPDATE outreach_messages SET status = 'failed', reason = COALESCE(reason, 'Mail server unavailable'),
                updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
        [ids],
      );
    else
      await this.db.query(
        `UPDATE outreach_messages SET status = 'queued', claimed_at = NULL, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
        [ids],
      );
  }

  /** Completes the send when nothing is left to deliver. */
  private async finish(sendId: string): Promise<boolean> {
    const rows = await queryReturning<{ id: string }>(
      this.db,
      `UPDATE outreach_sends SET status = 'completed', completed_at = now()
        WHERE id = $1 AND status = 'running'
          AND NOT EXISTS (SELECT 1 FROM outreach_messages WHERE send_id = $1 AND status IN ('queued', 'sending'))
        RETURNING id`,
      [sendId],
    );
    return rows.length > 0;
  }

  /**
   * Housekeeping: messages a dead worker left `sending` are failed (never re-sent: the mail may
   * have gone out), and sends whose job was lost are returned for re-queueing.
   */
  async recover(): Promise<OutreachSend[]> {
    const interrupted = await queryReturning<{ send_id: string }>(
      this.db,
      `UPDATE outreach_messages SET status = 'failed',
              reason = 'Interrupted while sending; not retried so nobody gets it twice', updated_at = now()
        WHERE status = 'sending' AND claimed_at < now() - make_interval(mins => $1)
        RETURNING send_id`,
      [INTERRUPTED_AFTER_MINUTES],
    );
    for (const sendId of new Set(interrupted.map((row) => row.send_id))) {
      await refreshCounts(this.db, sendId);
      await this.finish(sendId);
    }
    return this.db.query(
      `SELECT id, scheduled_at AS "scheduledAt" FROM outreach_sends s
        WHERE (status = 'scheduled' AND scheduled_at < now() - interval '1 minute')
           OR (status = 'running' AND NOT EXISTS (
                 SELECT 1 FROM outreach_messages m WHERE m.send_id = s.id AND m.updated_at > now() - interval '2 minutes'))
        LIMIT 100`,
    );
  }

  private async surveyWave(
    surveyId: string,
  ): Promise<{ id: string; wave: number } | null> {
    const rows: { id: string; wave: number }[] = await this.db.query(
      `SELECT id, wave FROM surveys WHERE id = $1 AND active`,
      [surveyId],
    );
    return rows[0] ?? null;
  }

  private surveyLink(
    customerId: string,
    survey: { id: string; wave: number },
  ): string {
    const token = signSurveyToken(
      {
        customerId,
        surveyId: survey.id,
        wave: survey.wave,
        expiresAt: new Date(Date.now() + SURVEY_LINK_DAYS * 86_400_000),
      },
      this.surveyKey,
    );
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/s/${token}`;
  }
}
