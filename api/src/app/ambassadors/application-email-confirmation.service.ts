import {
  APPLICATION_EMAIL_LINK_DAYS,
  ApplicationState,
  ConfirmApplicationEmailResult,
  escapeHtml,
} from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { sha256 } from '../common/crypto/hash';
import { DomainError, invalid, unprocessable } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { queryReturning } from '../database/sql';
import { MailService } from '../mail/mail.service';
import { AmbassadorJobs, QUEUES } from '../queues/queue-names';
import { AmbassadorDecisionsService } from './ambassador-decisions.service';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { AmbassadorApplication } from './entities/ambassador-application.entity';

/** base64url of 24 random bytes; anything else is not one of our links. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const DAY_MS = 86_400_000;
/** States in which confirming still matters (a withdrawn or decided application keeps its outcome). */
const WAITING: readonly ApplicationState[] = [
  'submitted',
  'in_review',
  'waitlisted',
];

interface MailRow {
  state: ApplicationState;
  email: string;
  name: string;
  programme_name: string;
}

interface TokenRow {
  id: string;
  programme_id: string;
  state: ApplicationState;
  email_confirmed_at: Date | null;
  email_token_sent_at: Date;
  programme_name: string;
  slug: string;
}

/**
 * People who apply on the public page prove their email address by a link we send them; until
 * then reviewers see the application as unconfirmed and auto-approval waits.
 */
@Injectable()
export class ApplicationEmailConfirmationService {
  private readonly logger = new Logger(
    ApplicationEmailConfirmationService.name,
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.ambassadors) private readonly queue: Queue,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly programmes: AmbassadorProgrammesService,
    private readonly decisions: AmbassadorDecisionsService,
  ) {}

  /**
   * Called once the application has committed: makes a fresh link (only its hash is kept, so an
   * earlier link stops working) and queues its mail; the queue retries a busy mail server.
   */
  async request(applicationId: string): Promise<void> {
    const token = randomBytes(24).toString('base64url');
    const updated: unknown[] = await queryReturning(
      this.db,
      `UPDATE ambassador_applications SET email_token_hash = $2, email_token_sent_at = now()
        WHERE id = $1 AND channel = 'public' AND email_confirmed_at IS NULL RETURNING id`,
      [applicationId, sha256(token)],
    );
    if (updated.length === 0) return;
    // The token itself lives only in this job, which is removed once it has run.
    await this.queue.add(
      'confirm-email',
      { applicationId, token } satisfies AmbassadorJobs['confirm-email'],
      {
        attempts: 6,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  /**
   * Mails the link, unless a newer one replaced it or the address is confirmed meanwhile. Throws
   * on a transient mail failure so the queue retries; a refusal for good is logged.
   */
  async send(
    applicationId: string,
    token: string,
  ): Promise<'sent' | 'skipped' | 'refused'> {
    const [row]: MailRow[] = await this.db.query(
      `SELECT a.state, c.email, c.name, p.name AS programme_name
         FROM ambassador_applications a
         JOIN customers c ON c.id = a.customer_id
         JOIN ambassador_programmes p ON p.id = a.programme_id
        WHERE a.id = $1 AND a.email_token_hash = $2 AND a.email_confirmed_at IS NULL`,
      [applicationId, sha256(token)],
    );
    if (!row || !WAITING.includes(row.state)) return 'skipped';
    const link = `${this.config.PUBLIC_URL}/ambassadors/confirm/${token}`;
    const result = await this.mail.send({
      to: row.email,
      subject: `Confirm your application to ${row.programme_name}`,
      text: `Hi ${row.name},\n\nThank you for applying to ${row.programme_name}. Please confirm that this is your email address, so we can review your application:\n\n${link}\n\nThe link works for ${APPLICATION_EMAIL_LINK_DAYS} days. If you did not apply, ignore this email and nothing will happen.\n`,
      html: `<p>Hi ${escapeHtml(row.name)},</p><p>Thank you for applying to ${escapeHtml(row.programme_name)}. Please confirm that this is your email address, so we can review your application:</p><p><a href="${escapeHtml(link)}">Confirm my email</a></p><p>The link works for ${APPLICATION_EMAIL_LINK_DAYS} days. If you did not apply, ignore this email and nothing will happen.</p>`,
    });
    if (result.ok) return 'sent';
    if (result.transient) throw new Error(result.reason);
    this.logger.warn(
      { applicationId, reason: result.reason },
      'The mail server refused an application confirmation',
    );
    return 'refused';
  }

  async confirm(
    ctx: RequestContext,
    token: string,
  ): Promise<ConfirmApplicationEmailResult> {
    if (!TOKEN.test(token))
      throw invalid({ token: 'is not a confirmation link' });
    const outcome = await this.db.transaction(async (manager) => {
      const [row]: TokenRow[] = await manager.query(
        `SELECT a.id, a.programme_id, a.state, a.email_confirmed_at, a.email_token_sent_at,
                p.name AS programme_name, p.slug
           FROM ambassador_applications a JOIN ambassador_programmes p ON p.id = a.programme_id
          WHERE a.email_token_hash = $1`,
        [sha256(token)],
      );
      if (!row)
        throw new DomainError(
          'NOT_FOUND',
          'This confirmation link is not valid. If you applied more than once, use the link in the latest email.',
        );
      const answer = (
        state: ApplicationState,
        confirmedNow: boolean,
        approvedCustomer: string | null = null,
      ) => ({
        programmeName: row.programme_name,
        programmeSlug: row.slug,
        state,
        confirmedNow,
        approvedCustomer,
      });
      if (row.email_confirmed_at) return answer(row.state, false);
      if (
        row.email_token_sent_at.getTime() +
          APPLICATION_EMAIL_LINK_DAYS * DAY_MS <
        Date.now()
      )
        throw unprocessable(
          'This confirmation link has expired. Apply again with the same email to get a new one.',
          {
            token:
              'has expired; apply again with the same email to get a new link',
          },
        );
      // The programme first, then the application: the same order as reviewers, so no deadlock.
      const programme = await this.programmes.find(
        manager,
        row.programme_id,
        true,
      );
      const app = await this.decisions.lockApplication(manager, row.id);
      app.emailConfirmedAt = new Date();
      await manager
        .getRepository(AmbassadorApplication)
        .update({ id: app.id }, { emailConfirmedAt: app.emailConfirmedAt });
      await this.audit.record(
        ctx,
        {
          action: 'ambassador.application.email_confirmed',
          entityType: 'ambassador_application',
          entityId: app.id,
        },
        manager,
      );
      const auto = programme.autoApprove;
      if (
        auto.enabled &&
        app.state === 'submitted' &&
        app.score >= auto.minScore
      )
        await this.decisions.decide(manager, null, programme, app, {
          decision: 'approve',
        });
      return answer(
        app.state,
        true,
        app.state === 'approved' ? app.customerId : null,
      );
    });
    if (outcome.approvedCustomer)
      await this.decisions.recompute([outcome.approvedCustomer]);
    return {
      programmeName: outcome.programmeName,
      programmeSlug: outcome.programmeSlug,
      state: outcome.state,
      confirmedNow: outcome.confirmedNow,
      message: messageFor(outcome.state, outcome.confirmedNow),
    };
  }
}

function messageFor(state: ApplicationState, confirmedNow: boolean): string {
  if (!confirmedNow)
    return 'Your email was already confirmed. There is nothing more to do here.';
  switch (state) {
    case 'approved':
      return 'Thank you! Your email is confirmed and your application is approved. Sign in to the portal to get started.';
    case 'waitlisted':
      return 'Thank you! Your email is confirmed. The programme is full for now, so you are on the waitlist.';
    case 'submitted':
    case 'in_review':
      return 'Thank you! Your email is confirmed, and your application is now with the team for review.';
    default:
      return 'Thank you! Your email is confirmed. Sign in to the portal to follow your application.';
  }
}
