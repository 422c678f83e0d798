import { ApplicationState, MyAmbassadorProgramme } from '@advocacy/shared';

/** Which block the applicant's page shows. */
export type ApplicantView =
  | 'ambassador'
  | 'status'
  | 'ineligible'
  | 'form'
  | 'closed';

const OPEN: readonly ApplicationState[] = [
  'submitted',
  'in_review',
  'waitlisted',
];

export function applicantView(p: MyAmbassadorProgramme): ApplicantView {
  if (p.isAmbassador) return 'ambassador';
  const app = p.application;
  if (app && OPEN.includes(app.state)) return 'status';
  if (app && app.state !== 'draft' && !app.canReapply) return 'status';
  if (p.status !== 'open')
    return app && app.state !== 'draft' ? 'status' : 'closed';
  return p.eligibility.eligible ? 'form' : 'ineligible';
}

export const STATE_LABELS: Record<ApplicationState, string> = {
  draft: 'Draft',
  submitted: 'Received',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Not this time',
  waitlisted: 'On the waitlist',
  withdrawn: 'Withdrawn',
};

/** The steps shown on the status page, ending in the state reached. */
export function statusSteps(
  state: ApplicationState,
): { label: string; done: boolean; current: boolean }[] {
  const end: ApplicationState =
    state === 'draft' || state === 'submitted' || state === 'in_review'
      ? 'approved'
      : state;
  const order: ApplicationState[] = ['submitted', 'in_review', end];
  const reached = state === 'withdrawn' ? 0 : Math.max(0, order.indexOf(state));
  return order.map((s, i) => ({
    label:
      s === end &&
      !['approved', 'rejected', 'waitlisted', 'withdrawn'].includes(state)
        ? 'Decision'
        : STATE_LABELS[s],
    done: state === 'withdrawn' ? i === 2 : i <= reached,
    current: state === 'withdrawn' ? i === 2 : i === reached,
  }));
}
