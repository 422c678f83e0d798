import {
  firstNameOf,
  OutreachPreview,
  renderHtml,
  renderText,
  SAMPLE_TEMPLATE_VALUES,
  TemplateValues,
  usedVariables,
  withUnsubscribeFooter,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { ReferralCodesService } from '../referrals/codes/referral-codes.service';
import { PreviewDto } from './dto/template.dto';
import { unsubscribePageUrl } from './outreach-links';
import { assertKnownVariables } from './template-validation';

/** Renders a draft against a real customer without side effects: no code is made, no link is live. */
@Injectable()
export class OutreachPreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referralCodes: ReferralCodesService,
    private readonly config: AppConfig,
  ) {}

  async preview(body: PreviewDto): Promise<OutreachPreview> {
    assertKnownVariables(body);

    const notes: string[] = [];
    const values: TemplateValues = {
      ...SAMPLE_TEMPLATE_VALUES,
      unsubscribeLink: unsubscribePageUrl(this.config.PUBLIC_URL, 'preview'),
    };
    const used = usedVariables(body.subject, body.body);
    if (body.customerId) {
      const rows: { name: string }[] = await this.db.query(
        `SELECT name FROM customers WHERE id = $1`,
        [body.customerId],
      );
      if (!rows[0]) throw invalid({ customerId: 'is not a known customer' });
      values.name = rows[0].name;
      values.firstName = firstNameOf(rows[0].name);
      if (used.includes('referralLink')) {
        if (!body.programmeId)
          notes.push(
            'Choose a programme to show this customer’s real referral link.',
          );
        else {
          const share = await this.referralCodes.shareLinkFor(
            body.customerId,
            body.programmeId,
            false,
          );
          if (share.url) values.referralLink = share.url;
          else if (share.reason)
            notes.push(`Would be skipped: ${share.reason}`);
          else
            notes.push(
              'This customer gets a referral code when the send goes out.',
            );
        }
      }
      if (used.includes('surveyLink'))
        notes.push(
          'Each recipient gets their own signed survey link; the preview shows an example.',
        );
    } else {
      notes.push('Sample values: choose a customer to preview with real data.');
    }
    const full = withUnsubscribeFooter(body.body);
    return {
      subject: renderText(body.subject, values),
      text: renderText(full, values),
      html: renderHtml(full, values),
      notes,
    };
  }
}
