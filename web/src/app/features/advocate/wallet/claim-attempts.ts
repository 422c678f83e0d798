/** Whether a failed claim may be retried with the same key (the first attempt's outcome is unknown). */
export function isRetryable(status: number, code: string): boolean {
  return status === 0 || status >= 500 || code === 'IDEMPOTENCY_IN_PROGRESS';
}

/**
 * One Idempotency-Key per claim attempt: a click starts a fresh attempt, a retry of an attempt whose
 * outcome is unknown (network error, 5xx, still in progress) reuses its key, so it cannot claim twice.
 */
export class ClaimAttempts {
  private readonly open = new Map<string, string>();

  constructor(
    private readonly newKey: () => string = () => crypto.randomUUID(),
  ) {}

  keyFor(rewardId: string): string {
    const existing = this.open.get(rewardId);
    if (existing) return existing;
    const key = this.newKey();
    this.open.set(rewardId, key);
    return key;
  }

  hasOpenAttempt(rewardId: string): boolean {
    return this.open.has(rewardId);
  }

  /** The server answered for sure (success or a definite refusal): the next click is a new attempt. */
  settle(rewardId: string): void {
    this.open.delete(rewardId);
  }
}
