/** Why a landing URL is refused, or null: only absolute http(s) URLs without credentials, so `/r/` never redirects anywhere unsafe. */
export function landingUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (!/^https?:\/\//i.test(value))
    return 'must be an absolute http:// or https:// URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'must be an absolute http:// or https:// URL';
  if (url.username || url.password)
    return 'may not contain a user name or password';
  if (
    !url.hostname ||
    (!url.hostname.includes('.') && url.hostname !== 'localhost')
  )
    return 'must name a real host';
  return null;
}
