import { AttributionSource, ConversionEventRequest } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReferralProgramme } from '../entities/referral-programme.entity';

export interface AttributedClick {
  clickId: string;
  at: Date;
  ipHash: string;
  userAgent: string;
}

export interface Attribution {
  programme: ReferralProgramme;
  codeId: string | null;
  referrer: { id: string; email: string };
  source: AttributionSource;
  click: AttributedClick | null;
  /** When the attribution window opened. */
  attributedAt: Date;
}

interface CodeRow {
  code_id: string;
  customer_id: string;
  email: string;
  programme_id: string;
}

interface ClickRow extends CodeRow {
  click_id: string;
  at: Date;
  ip_hash: string;
  user_agent: string;
}

const CODE_SELECT = `SELECT c.id AS code_id, c.customer_id, cu.email, c.programme_id
  FROM referral_codes c
  JOIN referral_programmes p ON p.id = c.programme_id AND p.status = 'active'
  JOIN customers cu ON cu.id = c.customer_id`;

const CLICK_SELECT = `SELECT k.click_id, k.at, k.ip_hash, k.user_agent, c.id AS code_id, c.customer_id, cu.email,
       c.programme_id
  FROM referral_clicks k
  JOIN referral_codes c ON c.id = k.code_id AND c.disabled_at IS NULL
  JOIN referral_programmes p ON p.id = c.programme_id AND p.status = 'active'
  JOIN customers cu ON cu.id = c.customer_id`;

const DAY_MS = 86_400_000;

/** Who referred the customer of an event: explicit code, then click, then the invited email. */
@Injectable()
export class AttributionService {
  async resolve(
    manager: EntityManager,
    event: ConversionEventRequest,
  ): Promise<Attribution | null> {
    const occurredAt = new Date(event.occurredAt);
    const click = event.clickId
      ? await this.attributedClick(manager, event.clickId, occurredAt)
      : null;
    if (event.code) {
      const [row]: CodeRow[] = await manager.query(
        `${CODE_SELECT} WHERE c.code = lower($1) AND c.disabled_at IS NULL`,
        [event.code],
      );
      if (row) {
        // The click only describes the visit when it was on this same code.
        const sameCode = click && click.row.code_id === row.code_id;
        return this.build(
          manager,
          row,
          'code',
          sameCode ? click.click : null,
          occurredAt,
        );
      }
    }
    if (click)
      return this.build(manager, click.row, 'click', click.click, occurredAt);
    if (event.referrerEmail) {
      const [row]: CodeRow[] = await manager.query(
        `${CODE_SELECT} WHERE cu.email = lower($1) AND c.disabled_at IS NULL
          ORDER BY c.is_vanity, c.created_at DESC LIMIT 1`,
        [event.referrerEmail],
      );
      if (row)
        return this.build(manager, row, 'invited_email', null, occurredAt);
    }
    return null;
  }

  /**
   * The click the programme's model credits: the device's (same address hash and agent) earliest
   * click in the window for first_click, its latest up to the event for last_click.
   */
  private async attributedClick(
    manager: EntityManager,
    clickId: string,
    occurredAt: Date,
  ): Promise<{ row: ClickRow; click: AttributedClick } | null> {
    const [given]: (ClickRow & { window_days: number; model: string })[] =
      await manager.query(
        `SELECT q.*, p.attribution_window_days AS window_days, p.attribution_model AS model
           FROM (${CLICK_SELECT} WHERE k.click_id = $1 AND NOT k.is_bot) q
           JOIN referral_programmes p ON p.id = q.programme_id`,
        [clickId],
      );
    if (!given) return null;
    const windowStart = new Date(
      occurredAt.getTime() - given.window_days * DAY_MS,
    );
    if (
      given.at < windowStart ||
      given.at > new Date(occurredAt.getTime() + DAY_MS)
    )
      return null;
    const [chosen]: ClickRow[] = await manager.query(
      `${CLICK_SELECT} WHERE k.programme_id = $1 AND k.ip_hash = $2 AND k.user_agent = $3 AND NOT k.is_bot
          AND k.at BETWEEN $4 AND $5
        ORDER BY k.at ${given.model === 'first_click' ? 'ASC' : 'DESC'} LIMIT 1`,
      [
        given.programme_id,
        given.ip_hash,
        given.user_agent,
        windowStart,
        given.at > occurredAt ? given.at : occurredAt,
      ],
    );
    const row = chosen ?? given;
    return {
      row,
      click: {
        clickId: row.click_id,
        at: row.at,
        ipHash: row.ip_hash,
        userAgent: row.user_agent,
      },
    };
  }

  private async build(
    manager: EntityManager,
    row: CodeRow,
    source: AttributionSource,
    click: AttributedClick | null,
    occurredAt: Date,
  ): Promise<Attribution> {
    const programme = await manager
      .getRepository(ReferralProgramme)
      .findOneByOrFail({ id: row.programme_id });
    return {
      programme,
      codeId: row.code_id,
      referrer: { id: row.customer_id, email: row.email },
      source,
      click,
      attributedAt: click?.at ?? occurredAt,
    };
  }
}
