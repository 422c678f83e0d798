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
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { UnsubscribeView } from '@advocacy/shared';
import { ApiError } from '../../core/api/api-error';
import { OutreachApi } from '../../core/api/outreach-api';
import { PRODUCT_NAME } from '../../core/title/portal-title.strategy';

export type UnsubscribeState =
  | 'loading'
  | 'confirm'
  | 'done'
  | 'invalid'
  | 'failed';

/** The public page behind the unsubscribe link in every outreach email: one click, no sign-in. */
@Component({
  selector: 'app-unsubscribe-page',
  imports: [MatButton, MatProgressBar],
  templateUrl: './unsubscribe-page.component.html',
  styleUrls: [
    '../../shared/ui/public-page.scss',
    './unsubscribe-page.component.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnsubscribePageComponent {
  private readonly api = inject(OutreachApi);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route `/unsubscribe/:token`. */
  readonly token = input.required<string>();

  protected readonly productName = PRODUCT_NAME;
  protected readonly state = signal<UnsubscribeState>('loading');
  protected readonly view = signal<UnsubscribeView | null>(null);
  protected readonly working = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => this.load(this.token()));
  }

  protected load(token: string): void {
    this.state.set('loading');
    this.api
      .viewUnsubscribe(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.view.set(view);
          this.state.set(view.unsubscribed ? 'done' : 'confirm');
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  protected confirm(): void {
    this.working.set(true);
    this.error.set(null);
    this.api
      .unsubscribe(this.token())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.working.set(false);
          this.view.set(view);
          this.state.set('done');
        },
        error: (error: unknown) => {
          this.working.set(false);
          this.error.set(
            error instanceof ApiError
              ? error.message
              : 'Something went wrong. Please try again.',
          );
        },
      });
  }

  private fail(error: unknown): void {
    if (error instanceof ApiError && error.status === 404)
      this.state.set('invalid');
    else this.state.set('failed');
  }
}
