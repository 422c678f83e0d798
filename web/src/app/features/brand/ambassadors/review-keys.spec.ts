import { moveIndex, reviewKeyAction } from './review-keys';

const press = (
  key: string,
  target: Partial<HTMLElement> | null = null,
  mods = {},
) =>
  reviewKeyAction({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: target as EventTarget,
    ...mods,
  });

describe('reviewKeyAction', () => {
  it('maps j/k and arrows to moves, a/r/w to decisions and i to review', () => {
    expect(press('j')).toEqual({ kind: 'move', by: 1 });
    expect(press('ArrowUp')).toEqual({ kind: 'move', by: -1 });
    expect(press('a')).toEqual({ kind: 'decide', decision: 'approve' });
    expect(press('r')).toEqual({ kind: 'decide', decision: 'reject' });
    expect(press('w')).toEqual({ kind: 'decide', decision: 'waitlist' });
    expect(press('i')).toEqual({ kind: 'review' });
    expect(press('x')).toBeNull();
  });

  it('ignores keys typed into fields and shortcuts with modifiers', () => {
    expect(press('a', { tagName: 'TEXTAREA' })).toBeNull();
    expect(press('j', { tagName: 'INPUT' })).toBeNull();
    expect(press('a', null, { ctrlKey: true })).toBeNull();
  });
});

describe('moveIndex', () => {
  it('stays within the list and starts at the top', () => {
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});
