import { CASE_STATES, CASE_TRANSITIONS, canMoveCase } from './cases';

describe('case states', () => {
  it('moves open cases forward and lets closed ones only reopen', () => {
    expect(canMoveCase('open', 'contacted')).toBe(true);
    expect(canMoveCase('contacted', 'resolved')).toBe(true);
    expect(canMoveCase('contacted', 'open')).toBe(false);
    expect(canMoveCase('resolved', 'contacted')).toBe(false);
    expect(CASE_TRANSITIONS.resolved).toEqual(['open']);
    expect(CASE_TRANSITIONS.closed_without_fix).toEqual(['open']);
  });

  it('never lists a state as its own successor', () => {
    for (const state of CASE_STATES)
      expect(CASE_TRANSITIONS[state]).not.toContain(state);
  });
});
