import { visitorId } from './visitor-id';

describe('visitorId', () => {
  it('keeps one id per browser and replaces a malformed one', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const first = visitorId(storage);
    expect(first).toMatch(/^[a-f0-9]{32}$/);
    expect(visitorId(storage)).toBe(first);
    store.set('advocacy.visitor', 'bad id!');
    expect(visitorId(storage)).not.toBe('bad id!');
  });

  it('still gives an id without storage', () => {
    expect(visitorId(null)).toMatch(/^[a-f0-9]{32}$/);
  });
});
