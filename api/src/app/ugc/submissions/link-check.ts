/** Hosts accepted for each kind of link, so showcases only ever link to known platforms. */
const HOSTS: Record<'video' | 'social', string[]> = {
  video: [
    'youtube.com',
    'youtu.be',
    'vimeo.com',
    'tiktok.com',
    'instagram.com',
    'facebook.com',
    'loom.com',
    'wistia.com',
  ],
  social: [
    'instagram.com',
    'tiktok.com',
    'x.com',
    'twitter.com',
    'facebook.com',
    'linkedin.com',
    'threads.net',
    'pinterest.com',
    'reddit.com',
    'youtube.com',
    'bsky.app',
    'mastodon.social',
  ],
};

/** Why a video or social link is refused, or null when it is fine. */
export function linkProblem(
  value: string,
  kind: 'video' | 'social',
): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be a full link starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must be a full link starting with https://';
  if (url.username || url.password)
    return 'must not contain a user name or password';
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const allowed = HOSTS[kind];
  if (!allowed.some((known) => host === known || host.endsWith(`.${known}`)))
    return `must be a link to ${allowed.slice(0, 6).join(', ')} or a similar platform we support`;
  if (url.pathname === '/' || url.pathname === '')
    return 'must link to the post itself, not the site';
  return null;
}

/** Markup is refused outright (and everything is rendered escaped anyway); "I <3 it" is not markup. */
export function looksLikeMarkup(text: string): boolean {
  return (
    /<\s*\/?\s*[a-z][a-z0-9-]*(\s[^<>]*)?\/?\s*>/i.test(text) ||
    /javascript:/i.test(text)
  );
}
