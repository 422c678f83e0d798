const KEY = 'advocacy.visitor';

/** A random id kept in this browser so repeat visits count once in the funnel; no personal data. */
export function visitorId(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): string {
  const existing = storage?.getItem(KEY);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = crypto.randomUUID().replaceAll('-', '');
  try {
    storage?.setItem(KEY, id);
  } catch {
    // Private browsing may refuse storage; the visit then counts as new, which is harmless.
  }
  return id;
}
