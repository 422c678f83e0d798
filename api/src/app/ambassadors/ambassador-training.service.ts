import {
  AmbassadorDirectoryRow,
  Page,
  TrainingModuleView,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, RequestContext } from '../common/access';
import { forbidden, notFound } from '../common/errors';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { toModuleView } from './ambassador-mapping';
import { isCurrentAmbassador } from './ambassador-membership';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { TrainingModuleDto } from './dto/perk.dto';
import { AmbassadorTrainingCompletion } from './entities/ambassador-training-completion.entity';
import { AmbassadorTrainingModule } from './entities/ambassador-training-module.entity';

/** Training modules with completion tracking, and the directory of current ambassadors. */
@Injectable()
export class AmbassadorTrainingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: AmbassadorProgrammesService,
    private readonly audit: AuditService,
  ) {}

  async listTraining(programmeId: string): Promise<TrainingModuleView[]> {
    await this.programmes.find(this.db.manager, programmeId);
    const rows: (Record<string, unknown> & {
      id: string;
      done: string;
      ambassadors: string;
    })[] = await this.db.query(
      `WITH amb AS (SELECT customer_id FROM ambassador_applications
                       WHERE programme_id = $1 AND state = 'approved' AND revoked_at IS NULL)
         SELECT m.id,
                (SELECT count(*) FROM ambassador_training_completions t
                  WHERE t.module_id = m.id AND t.customer_id IN (SELECT customer_id FROM amb)) AS done,
                (SELECT count(*) FROM amb) AS ambassadors
           FROM ambassador_training_modules m WHERE m.programme_id = $1`,
      [programmeId],
    );
    const stats = new Map(rows.map((r) => [r.id, r]));
    const modules = await this.db
      .getRepository(AmbassadorTrainingModule)
      .find({ where: { programmeId }, order: { position: 'ASC' } });
    return modules.map((m) => {
      const s = stats.get(m.id);
      const done = Number(s?.done ?? 0);
      const total = Number(s?.ambassadors ?? 0);
      return {
        ...toModuleView(m),
        completions: done,
        completionRate: total === 0 ? 0 : Math.round((100 * done) / total),
      };
    });
  }

  async createModule(
    ctx: RequestContext,
    programmeId: string,
    body: TrainingModuleDto,
  ): Promise<TrainingModuleView> {
    return this.db.transaction(async (manager) => {
      await this.programmes.find(manager, programmeId, true);
      const [{ next }]: { next: number }[] = await manager.query(
        `SELECT coalesce(max(position), 0) + 1 AS next FROM ambassador_training_modules WHERE programme_id = $1`,
        [programmeId],
      );
      const saved = await manager.getRepository(AmbassadorTrainingModule).save({
        programmeId,
        title: body.title.trim(),
        summary: body.summary.trim(),
        content: body.content,
        estimatedMinutes: body.estimatedMinutes,
        position: Number(next),
      });
      await this.audit.record(
        ctx,
        {
          action: 'ambassador_training.created',
          entityType: 'ambassador_training_module',
          entityId: saved.id,
          after: { title: saved.title },
        },
        manager,
      );
      return { ...toModuleView(saved), completions: 0, completionRate: 0 };
    });
  }

  async trainingFor(
    programmeId: string,
    customerId: string,
  ): Promise<TrainingModuleView[]> {
    const modules = await this.db
      .getRepository(AmbassadorTrainingModule)
      .find({ where: { programmeId }, order: { position: 'ASC' } });
    const done = await this.db
      .getRepository(AmbassadorTrainingCompletion)
      .findBy({ customerId });
    const at = new Map(
      done.map((d) => [d.moduleId, d.completedAt.toISOString()]),
    );
    return modules.map((m) => ({
      ...toModuleView(m),
      completedAt: at.get(m.id) ?? null,
    }));
  }

  async complete(
    user: AuthUser,
    moduleId: string,
  ): Promise<TrainingModuleView> {
    const customerId = user.customerId;
    if (!customerId) throw forbidden('Your account has no customer record');
    const module = await this.db
      .getRepository(AmbassadorTrainingModule)
      .findOneBy({ id: moduleId });
    if (
      !module ||
      !(await isCurrentAmbassador(
        this.db.manager,
        module.programmeId,
        customerId,
      ))
    )
      throw notFound('Training module');
    await this.db
      .createQueryBuilder()
      .insert()
      .into(AmbassadorTrainingCompletion)
      .values({ moduleId, customerId })
      .orIgnore()
      .execute();
    const row = await this.db
      .getRepository(AmbassadorTrainingCompletion)
      .findOneByOrFail({ moduleId, customerId });
    return {
      ...toModuleView(module),
      completedAt: row.completedAt.toISOString(),
    };
  }

  async directory(
    programmeId: string,
    query: PageQueryDto,
  ): Promise<Page<AmbassadorDirectoryRow>> {
    await this.programmes.find(this.db.manager, programmeId);
    const rows: {
      application_id: string;
      customer_id: string;
      name: string;
      email: string;
      segment_key: string | null;
      since: Date;
      training_done: string;
      training_total: string;
      perks_claimed: string;
      total: string;
    }[] = await this.db.query(
      `SELECT a.id AS application_id, c.id AS customer_id, c.name, c.email, cs.segment_key,
              a.decided_at AS since,
              (SELECT count(*) FROM ambassador_training_completions t JOIN ambassador_training_modules m ON m.id = t.module_id
                WHERE m.programme_id = $1 AND t.customer_id = c.id) AS training_done,
              (SELECT count(*) FROM ambassador_training_modules m WHERE m.programme_id = $1) AS training_total,
              (SELECT count(*) FROM ambassador_perk_claims pc JOIN ambassador_perks p ON p.id = pc.perk_id
                WHERE p.programme_id = $1 AND pc.customer_id = c.id) AS perks_claimed,
              count(*) OVER () AS total
         FROM ambassador_applications a
         JOIN customers c ON c.id = a.customer_id
         LEFT JOIN customer_segments cs ON cs.customer_id = c.id
        WHERE a.programme_id = $1 AND a.state = 'approved' AND a.revoked_at IS NULL
        ORDER BY a.decided_at ASC, a.id LIMIT $2 OFFSET $3`,
      [programmeId, query.pageSize, query.offset],
    );
    const names = await this.segmentNames();
    return toPage(
      rows.map((r) => ({
        applicationId: r.application_id,
        customerId: r.customer_id,
        name: r.name,
        email: r.email,
        segmentKey: r.segment_key,
        segmentName: r.segment_key
          ? (names[r.segment_key] ?? r.segment_key)
          : null,
        ambassadorSince: r.since.toISOString(),
        trainingDone: Number(r.training_done),
        trainingTotal: Number(r.training_total),
        perksClaimed: Number(r.perks_claimed),
      })),
      Number(rows[0]?.total ?? 0),
      query,
    );
  }

  private async segmentNames(): Promise<Record<string, string>> {
    const rows: {
      rules: { segments: { key: string; name: string }[] } | null;
    }[] = await this.db.query(
      `SELECT rules FROM segment_rule_sets WHERE programme_id IS NULL LIMIT 1`,
    );
    return Object.fromEntries(
      (rows[0]?.rules?.segments ?? []).map((s) => [s.key, s.name]),
    );
  }
}
