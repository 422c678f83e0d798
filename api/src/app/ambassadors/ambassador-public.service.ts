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
    try {
      await this.applications.submit(
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
    return {
      received: true,
      message: `Thank you! Your application to ${programme.name} is in. We'll be in touch by email, and you can follow it in the portal.`,
    };
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
