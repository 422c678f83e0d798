import { PublicTestimonial } from '@advocacy/shared';

export interface AggregateRating {
  ratingCount: number;
  ratingValue: number | null;
}

/** schema.org Reviews with their AggregateRating, about the thing the showcase presents. */
export function showcaseJsonLd(
  name: string,
  items: PublicTestimonial[],
  aggregate: AggregateRating,
): string {
  const reviews = items
    .filter((item) => item.text)
    .map((item) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: item.author },
      reviewBody: item.text,
      datePublished: item.createdAt.slice(0, 10),
      ...(item.rating
        ? {
            reviewRating: {
              '@type': 'Rating',
              ratingValue: item.rating,
              bestRating: 5,
              worstRating: 1,
            },
          }
        : {}),
    }));
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name,
    review: reviews,
    ...(aggregate.ratingValue !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: aggregate.ratingValue,
            ratingCount: aggregate.ratingCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
  return escapeForScript(JSON.stringify(data));
}

/** Safe inside `<script type="application/ld+json">`: no `</script>`, no comment openers, no line separators. */
export function escapeForScript(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
