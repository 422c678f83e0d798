export const CLICK_COOKIE = 'adv_click';

/** The friendly page for an unknown or disabled link: plain HTML, nothing from the request echoed. */
export function linkNotFoundPage(portalUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>This link is not active</title>
<style>body{font-family:system-ui,sans-serif;background:#faf7ff;color:#1d1b20;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border-radius:16px;padding:32px 40px;max-width:440px;box-shadow:0 4px 24px #0001}
h1{font-size:1.4rem;margin:0 0 12px}a{color:#6d28d9}</style></head>
<body><main><h1>This referral link is not active</h1>
<p>The link may have been mistyped, or the programme it belongs to has ended.</p>
<p>Ask the person who shared it for a new one, or <a href="${portalUrl}">visit the portal</a>.</p></main></body></html>`;
}
