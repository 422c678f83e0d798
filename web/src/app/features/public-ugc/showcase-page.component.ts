import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { PublicShowcase } from '@advocacy/shared';
import { ApiError } from '../../core/api/api-error';
import { UgcApi } from '../../core/api/ugc-api';
import { PRODUCT_NAME } from '../../core/title/portal-title.strategy';

const JSON_LD_ID = 'showcase-json-ld';

/** Places the server-escaped JSON-LD in the head; textContent, so nothing is parsed as HTML. */
export function placeJsonLd(document: Document, json: string | null): void {
  document.getElementById(JSON_LD_ID)?.remove();
  if (!json) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.id = JSON_LD_ID;
  script.textContent = json;
  document.head.appendChild(script);
}

/** The public showcase page: approved testimonials with website consent, with schema.org markup. */
@Component({
  selector: 'app-showcase-page',
  imports: [MatProgressBar],
  templateUrl: './showcase-page.component.html',
  styleUrls: ['../../shared/ui/public-page.scss', './public-ugc.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShowcasePageComponent {
  private readonly api = inject(UgcApi);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route `/showcase/:slug`. */
  readonly slug = input.required<string>();

  protected readonly productName = PRODUCT_NAME;
  protected readonly showcase = signal<PublicShowcase | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'missing' | 'failed'>(
    'loading',
  );
  protected readonly stars = [1, 2, 3, 4, 5];

  constructor() {
    effect(() => this.load(this.slug()));
    this.destroyRef.onDestroy(() => placeJsonLd(this.document, null));
  }

  private load(slug: string): void {
    this.state.set('loading');
    this.api
      .publicShowcase(slug)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (showcase) => {
          this.showcase.set(showcase);
          this.state.set('ready');
          this.document.title = `${showcase.name} · ${PRODUCT_NAME}`;
          placeJsonLd(this.document, showcase.jsonLd);
        },
        error: (error: unknown) =>
          this.state.set(
            error instanceof ApiError && error.status === 404
              ? 'missing'
              : 'failed',
          ),
      });
  }
}
