import { outcomeLabel, selectedEvents } from './webhook-labels';

describe('webhook labels', () => {
  it('keeps ticked events in the canonical order and drops unticked ones', () => {
    expect(
      selectedEvents({
        'case.opened': true,
        'referral.qualified': true,
        'reward.claimed': false,
      }),
    ).toEqual(['referral.qualified', 'case.opened']);
  });

  it('summarises what the receiver did', () => {
    expect(outcomeLabel(500, 'receiver answered 500')).toBe('HTTP 500');
    expect(outcomeLabel(null, 'timed out after 10 s')).toBe('Timed out');
    expect(
      outcomeLabel(null, 'refused: 10.0.0.1 is a private or loopback address'),
    ).toBe('Refused');
    expect(outcomeLabel(null, 'connection refused')).toBe('No answer');
    expect(outcomeLabel(null, null)).toBe('—');
  });
});
