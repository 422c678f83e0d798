/**
 * The embeddable widget: one script tag and `<advocacy-showcase showcase="slug">`. Plain JS, no
 * iframe; it reads the JSON feed and builds the DOM with textContent only, so no submitted text is
 * ever parsed as HTML. Images load lazily.
 */
export const EMBED_SCRIPT = String.raw`(() => {
  'use strict';
  if (customElements.get('advocacy-showcase')) return;
  const script = document.currentScript;
  const origin = script && script.src ? new URL(script.src).origin : location.origin;
  const css = ':host{display:block;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1b20}'
    + '.grid{display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(240px,1fr))}'
    + '.card{border:1px solid #e0dfe6;border-radius:12px;padding:16px;background:#fff;display:flex;flex-direction:column;gap:8px}'
    + '.stars{color:#b7791f;letter-spacing:2px}.text{margin:0;line-height:1.5;white-space:pre-line}'
    + '.author{font-weight:600;font-size:14px}.label{font-size:12px;color:#5f5d66}'
    + '.imgs{display:flex;gap:6px;flex-wrap:wrap}.imgs img{width:96px;height:96px;object-fit:cover;border-radius:8px}'
    + 'a{color:#4a4aa8}.summary{margin:0 0 12px;font-size:14px;color:#5f5d66}';
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };
  const safeLink = (href) => {
    try { const u = new URL(href); return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null; }
    catch { return null; }
  };
  class AdvocacyShowcase extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const style = el('style');
      style.textContent = css;
      root.appendChild(style);
      const slug = this.getAttribute('showcase') || '';
      const limit = Number(this.getAttribute('limit')) || 12;
      const url = origin + '/api/v1/ugc/public/showcases/' + encodeURIComponent(slug) + '/feed.json';
      fetch(url, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((feed) => this.render(root, feed, limit))
        .catch(() => root.appendChild(el('p', 'label', 'Testimonials are unavailable right now.')));
    }
    render(root, feed, limit) {
      if (feed.aggregate && feed.aggregate.ratingValue !== null) {
        root.appendChild(el('p', 'summary', '★ ' + feed.aggregate.ratingValue + ' out of 5 from ' + feed.aggregate.ratingCount + ' ratings'));
      }
      const grid = el('div', 'grid');
      for (const item of (feed.items || []).slice(0, limit)) {
        const card = el('article', 'card');
        if (item.rating) {
          const stars = el('div', 'stars', '★'.repeat(item.rating) + '☆'.repeat(5 - item.rating));
          stars.setAttribute('aria-label', item.rating + ' out of 5 stars');
          card.appendChild(stars);
        }
        if (item.text) card.appendChild(el('p', 'text', item.text));
        if (item.images && item.images.length) {
          const imgs = el('div', 'imgs');
          for (const image of item.images) {
            const img = el('img');
            img.loading = 'lazy';
            img.decoding = 'async';
            img.alt = 'Photo shared by ' + item.author;
            img.src = image.thumbUrl;
            imgs.appendChild(img);
          }
          card.appendChild(imgs);
        }
        for (const href of [item.videoUrl, item.socialUrl]) {
          const link = href && safeLink(href);
          if (!link) continue;
          const a = el('a', '', href === item.videoUrl ? 'Watch the video' : 'See the post');
          a.href = link;
          a.rel = 'noopener nofollow ugc';
          a.target = '_blank';
          card.appendChild(a);
        }
        card.appendChild(el('div', 'author', item.author));
        if (item.disclosure) card.appendChild(el('div', 'label', item.disclosure));
        grid.appendChild(card);
      }
      root.appendChild(grid);
    }
  }
  customElements.define('advocacy-showcase', AdvocacyShowcase);
})();
`;
