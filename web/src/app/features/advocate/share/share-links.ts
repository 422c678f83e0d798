export interface ShareLink {
  label: string;
  href: string;
  testId: string;
}

/** Plain share links (no third-party scripts): each network's documented share URL. */
export function shareLinks(url: string, message: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(`${message} ${url}`);
  return [
    {
      label: 'Email',
      href: `mailto:?subject=${encodeURIComponent(message)}&body=${text}`,
      testId: 'share-email',
    },
    {
      label: 'WhatsApp',
      href: `https://wa.me/?text=${text}`,
      testId: 'share-whatsapp',
    },
    {
      label: 'X',
      href: `https://twitter.com/intent/tweet?text=${text}`,
      testId: 'share-x',
    },
    {
      label: 'LinkedIn',
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
      testId: 'share-linkedin',
    },
    {
      label: 'Facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
      testId: 'share-facebook',
    },
  ];
}
