import { MyApplication } from '@advocacy/shared';
import { EntityManager } from 'typeorm';
import { toTransition } from './ambassador-mapping';
import { AmbassadorApplicationEvent } from './entities/ambassador-application-event.entity';
import { AmbassadorApplication } from './entities/ambassador-application.entity';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';

/** The applicant's view of their application: history, waitlist place and when they may reapply. */
export async function loadMyApplication(
  manager: EntityManager,
  programme: AmbassadorProgramme,
  app: AmbassadorApplication,
  status: { canReapply: boolean; reapplyAt: string | null },
): Promise<MyApplication> {
  const [version, events] = await Promise.all([
    manager
      .getRepository(AmbassadorFormVersion)
      .findOneByOrFail({ id: app.formVersionId }),
    manager.getRepository(AmbassadorApplicationEvent).find({
      where: { applicationId: app.id, kind: 'transition' },
      order: { at: 'ASC', id: 'ASC' },
    }),
  ]);
  let waitlistPosition: number | null = null;
  if (app.state === 'waitlisted') {
    const byScore = programme.waitlistOrder === 'score';
    const [row]: { ahead: string }[] = await manager.query(
      `SELECT count(*) AS ahead FROM ambassador_applications
        WHERE programme_id = $1 AND state = 'waitlisted'
          AND ${byScore ? '(score > $4 OR (score = $4 AND (waitlisted_at, id) < ($2, $3)))' : '(waitlisted_at, id) < ($2, $3)'}`,
      byScore
        ? [programme.id, app.waitlistedAt, app.id, app.score]
        : [programme.id, app.waitlistedAt, app.id],
    );
    waitlistPosition = Number(row.ahead) + 1;
  }
  const closed =
    app.state === 'rejected' || app.state === 'withdrawn' || !!app.revokedAt;
  return {
    id: app.id,
    state: app.state,
    answers: app.answers,
    formVersion: version.version,
    decisionMessage: app.decisionMessage,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    decidedAt: app.decidedAt?.toISOString() ?? null,
    waitlistPosition,
    reapplyAt: closed ? status.reapplyAt : null,
    canReapply: closed ? status.canReapply : false,
    history: events.map(toTransition),
  };
}
