import { ClaimAttempts, isRetryable } from './claim-attempts';

describe('ClaimAttempts', () => {
  it('reuses the key until the attempt is settled, then starts a fresh one', () => {
    let n = 0;
    const attempts = new ClaimAttempts(() => `key-${++n}`);
    expect(attempts.keyFor('r1')).toBe('key-1');
    expect(attempts.keyFor('r1')).toBe('key-1');
    expect(attempts.keyFor('r2')).toBe('key-2');
    attempts.settle('r1');
    expect(attempts.hasOpenAttempt('r1')).toBe(false);
    expect(attempts.keyFor('r1')).toBe('key-3');
  });

  it('retries only when the first outcome is unknown', () => {
    expect(isRetryable(0, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(isRetryable(503, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(isRetryable(409, 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(isRetryable(409, 'CONFLICT')).toBe(false);
    expect(isRetryable(404, 'NOT_FOUND')).toBe(false);
  });
});
