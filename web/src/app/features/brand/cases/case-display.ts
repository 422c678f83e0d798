import {
  ACTIVE_CASE_STATES,
  CaseReason,
  CaseState,
  npsCategory,
  NpsCategory,
} from '@advocacy/shared';

const HOUR_MS = 3_600_000;

/** "Due in 5 h", "Overdue by 2 d": how urgent an active case is; closed cases are not due. */
export function dueLabel(
  dueAt: string,
  state: CaseState,
  now: Date = new Date(),
): string {
  if (!ACTIVE_CASE_STATES.includes(state)) return '—';
  const diff = Date.parse(dueAt) - now.getTime();
  const span = spanOf(Math.abs(diff));
  return diff < 0 ? `Overdue by ${span}` : `Due in ${span}`;
}

function spanOf(ms: number): string {
  const hours = ms / HOUR_MS;
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}

/** Why the case was opened, in words. */
export function reasonLabel(
  reason: CaseReason,
  score: number,
  previousScore: number | null,
): string {
  if (reason === 'drop' && previousScore !== null)
    return `Dropped from ${previousScore} to ${score}`;
  return `Detractor score ${score}`;
}

export function categoryOf(score: number): NpsCategory {
  return npsCategory(score);
}
