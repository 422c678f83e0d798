import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { UgcCampaign } from '../entities/ugc-campaign.entity';
import { UgcConsent } from '../entities/ugc-consent.entity';
import { UgcMedia } from '../entities/ugc-media.entity';
import { UgcSubmission } from '../entities/ugc-submission.entity';
import { SubmissionParts } from './submission-mapping';

/** Loads consent, media and campaign names for a page of submissions in three queries. */
@Injectable()
export class SubmissionLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async parts(
    submissions: UgcSubmission[],
    manager: EntityManager = this.db.manager,
  ): Promise<SubmissionParts[]> {
    if (submissions.length === 0) return [];
    const ids = submissions.map((s) => s.id);
    const [consents, media, campaigns] = await Promise.all([
      manager.getRepository(UgcConsent).findBy({ submissionId: In(ids) }),
      manager
        .getRepository(UgcMedia)
        .find({ where: { submissionId: In(ids) }, order: { position: 'ASC' } }),
      manager.getRepository(UgcCampaign).findBy({
        id: In([...new Set(submissions.map((s) => s.campaignId))]),
      }),
    ]);
    const consentOf = new Map(consents.map((c) => [c.submissionId, c]));
    const nameOf = new Map(campaigns.map((c) => [c.id, c.name]));
    return submissions.map((submission) => {
      const consent = consentOf.get(submission.id);
      if (!consent)
        throw new Error(`Submission ${submission.id} has no consent row`);
      return {
        submission,
        campaignName: nameOf.get(submission.campaignId) ?? '',
        consent,
        media: media.filter((m) => m.submissionId === submission.id),
      };
    });
  }
}
