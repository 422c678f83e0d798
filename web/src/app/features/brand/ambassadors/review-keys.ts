import { Decision } from '@advocacy/shared';

export type ReviewKeyAction =
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'decide'; decision: Exclude<Decision, 'review'> }
  | { kind: 'review' };

const KEYS: Record<string, ReviewKeyAction> = {
  j: { kind: 'move', by: 1 },
  ArrowDown: { kind: 'move', by: 1 },
  k: { kind: 'move', by: -1 },
  ArrowUp: { kind: 'move', by: -1 },
  a: { kind: 'decide', decision: 'approve' },
  r: { kind: 'decide', decision: 'reject' },
  w: { kind: 'decide', decision: 'waitlist' },
  i: { kind: 'review' },
};

/** What a key press on the review board means; nothing while typing or with modifiers. */
export function reviewKeyAction(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): ReviewKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName;
  if (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target?.isContentEditable
  )
    return null;
  if (target?.closest?.('.cdk-overlay-container')) return null;
  return KEYS[event.key] ?? null;
}

/** Next selection index within [0, count). */
export function moveIndex(current: number, by: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return 0;
  return Math.min(count - 1, Math.max(0, current + by));
}
