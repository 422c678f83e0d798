import { UnsubscribeView } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { queryReturning } from '../database/sql';
import { TOKEN_PATTERN } from './outreach-links';

/** What recipients do with a message: click its tracked link, or unsubscribe. No sign-in; the token is the key. */
@Injectable()
export class OutreachRecipientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Records the click in one statement and gives the share code to redirect to, or null for an unknown token. */
  async click(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const rows: { referral_code: string | null }[] = await this.db.query(
      `WITH m AS (SELECT id, send_id, referral_code FROM outreach_messages WHERE token = $1),
            k AS (INSERT INTO outreach_clicks (message_id, send_id) SELECT id, send_id FROM m)
       SELECT referral_code FROM m`,
      [token],
    );
    return rows[0]?.referral_code ?? null;
  }

  async view(token: string): Promise<UnsubscribeView> {
    const row = await this.find(token);
    return {
      email: maskEmail(row.email),
      unsubscribed: !row.consent_marketing && !row.consent_email,
    };
  }

  /** Withdraws email and marketing consent; saying it twice is harmless. */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const row = await this.find(token);
    await this.db.transaction(async (manager) => {
      const changed = await queryReturning<{ id: string }>(
        manager,
        `UPDATE customers SET consent_email = false, consent_marketing = false, updated_at = now()
          WHERE id = $1 AND (consent_email OR consent_marketing) RETURNING id`,
        [row.customer_id],
      );
      if (changed.length > 0)
        await this.audit.record(
          null,
          {
            action: 'outreach.unsubscribed',
            entityType: 'customer',
            entityId: row.customer_id,
            before: {
              consentEmail: row.consent_email,
              consentMarketing: row.consent_marketing,
            },
            after: {
              consentEmail: false,
              consentMarketing: false,
              viaSend: row.send_id,
            },
          },
          manager,
        );
    });
    return { email: maskEmail(row.email), unsubscribed: true };
  }

  private async find(token: string) {
    if (!TOKEN_PATTERN.test(token)) throw notFound('Link');
    const rows: {
      customer_id: string;
      send_id: string;
      email: string;
      consent_email: boolean;
      consent_marketing: boolean;
    }[] = await this.db.query(
      `SELECT m.customer_id, m.send_id, c.email, c.consent_email, c.consent_marketing
         FROM outreach_messages m JOIN customers c ON c.id = m.customer_id WHERE m.token = $1`,
      [token],
    );
    if (!rows[0]) throw notFound('Link');
    return rows[0];
  }
}

/** `ann@example.com` → `a***@example.com`: enough to recognise, not enough to harvest (length hidden too). */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}
