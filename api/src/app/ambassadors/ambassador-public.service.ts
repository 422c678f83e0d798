import {
  ApplicationAnswers,
  PublicAmbassadorProgramme,
  PublicApplyResult,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/access';
import { notFound, unprocessable } from '../common/errors';
import { Customer } from '../customers/entities/customer.entity';
import { AmbassadorApplicationsService } from './ambassador-applications.service';
import { AmbassadorFactsService } from './ambassador-facts.service';
import { ApplicationEmailConfirmationService } from './application-email-confirmation.service';
import { toFormView } from './ambassador-mapping';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';
import { requirementsOf } from './requirements';

/** The public apply page: a programme by slug, anonymous funnel steps, and applying by email. */
@Injectable()
export class AmbassadorPublicService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: AmbassadorApplicationsService,
    private readonly facts: AmbassadorFactsService,
    private readonly confirmation: ApplicationEmailConfirmationService,
  ) {}

  async publicProgramme(slug: string): Promise<PublicAmbassadorProgramme> {
    const programme = await this.bySlug(this.db.manager, slug);
    const form = programme.currentFormVersionId
      ? await this.db
          .getRepository(AmbassadorFormVersion)
          .findOneBy({ id: programme.currentFormVersionId })
      : null;
    return {
      name: programme.name,
      slug: programme.slug,
      description: programme.description,
      open: programme.status === 'open',
      requirements: requirementsOf(
        programme.eligibility,
        await this.facts.segmentNames(this.db.manager),
      ),
      form: form ? toFormView(form) : null,
    };
  }

  async publicEvent(
    slug: string,
    stage: 'visited' | 'started',
    visitorId: string,
  ): Promise<void> {
    const programme = await this.bySlug(this.db.manager, slug);
    await this.applications.recordStage(
      programme.id,
      stage,
      `v:${visitorId}`,
      null,
    );
  }

  /**
   * A visitor applying by email is matched to the customer with that email, or becomes one.
   * The answer never reveals whether the email was known or why someone is not eligible,
   * since anyone can type anyone's address: that detail is for the signed-in status page.
   */
  async publicApply(
    ctx: RequestContext,
    slug: string,
    email: string,
    name: string,
    answers: ApplicationAnswers,
  ): Promise<PublicApplyResult> {
    const programme = await this.bySlug(this.db.manager, slug);
    const normalised = email.trim().toLowerCase();
    const received: PublicApplyResult = {
      received: true,
      message: `Thank you! Your application to ${programme.name} is in. We've sent a link to ${normalised}: open it to confirm your email, and the team will review your application.`,
    };
    // Applying again before confirming sends a fresh link; the answer is the same either way.
    const [waiting]: { id: string }[] = await this.db.query(
      `SELECT a.id FROM ambassador_applications a JOIN customers c ON c.id = a.customer_id
        WHERE a.programme_id = $1 AND c.email = $2 AND a.channel = 'public' AND a.email_confirmed_at IS NULL
          AND a.state IN ('submitted', 'in_review', 'waitlisted')`,
      [programme.id, normalised],
    );
    if (waiting) {
      await this.confirmation.request(waiting.id);
      return received;
    }
    // Matching or creating the customer commits only with the application, so a refusal saves nothing.
    const customerFor = async (manager: EntityManager) => {
      await manager.query(
        `INSERT INTO customers (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`,
        [normalised, name.trim()],
      );
      return (
        await manager
          .getRepository(Customer)
          .findOneByOrFail({ email: normalised })
      ).id;
    };
    let applicationId: string;
    try {
      applicationId = await this.applications.submit(
        ctx,
        customerFor,
        programme.id,
        answers,
        'public',
      );
    } catch (error) {
      if (isEligibilityRefusal(error))
        throw unprocessable(
          'We could not accept this application: it may not meet the requirements above, or this email already has an application. Sign in to the portal to see your status.',
        );
      throw error;
    }
    await this.confirmation.request(applicationId);
    return received;
  }

  private async bySlug(
    manager: EntityManager,
    slug: string,
  ): Promise<AmbassadorProgramme> {
    const found = await manager
      .getRepository(AmbassadorProgramme)
      .findOneBy({ slug });
    if (!found || found.status === 'draft')
      throw notFound('Ambassador programme');
    return found;
  }
}

function isEligibilityRefusal(error: unknown): boolean {
  const errors = (error as { errors?: Record<string, string> }).errors ?? {};
  return 'eligibility' in errors || 'application' in errors;
}
