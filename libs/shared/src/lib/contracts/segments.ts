import { SegmentRules } from '../segments';

export interface SegmentSize {
  key: string;
  name: string;
  count: number;
  /** Percentage of all customers (0–100). */
  share: number;
}

export interface SegmentSizes {
  total: number;
  /** When the newest segment was computed; null before the first recompute. */
  computedAt: string | null;
  segments: SegmentSize[];
}

export interface SegmentRulesView {
  rules: SegmentRules;
  updatedAt: string | null;
}

/** What the proposed rules would give, next to what the current rules give. */
export interface SegmentRulesPreview {
  total: number;
  current: SegmentSize[];
  proposed: SegmentSize[];
}

export interface SegmentRecomputeQueued {
  jobId: string;
}

export interface SegmentMovementQuery {
  /** ISO date-time; default 30 days before `to`. */
  from?: string;
  /** ISO date-time; default now. */
  to?: string;
}

/** `from` is null for a customer's first segment. */
export interface SegmentMove {
  from: string | null;
  to: string;
  count: number;
}

export interface SegmentMovement {
  from: string;
  to: string;
  segments: { key: string; name: string }[];
  moves: SegmentMove[];
  /** NPS category moves in the same period (e.g. passive → promoter). */
  categoryMoves: SegmentMove[];
}
