import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  APPLICATION_EMAIL_LINK_DAYS,
  ConfirmApplicationEmailResult,
} from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { ApiError } from '../../../core/api/api-error';
import { PRODUCT_NAME } from '../../../core/title/portal-title.strategy';

export type ConfirmEmailState =
  | 'loading'
  | 'confirmed'
  | 'already'
  | 'invalid'
  | 'expired'
  | 'failed';

/** The public page behind the link emailed to someone who applied on a programme's public page. */
@Component({
  selector: 'app-confirm-email-page',
  imports: [MatButton, MatProgressBar, NgTemplateOutlet, RouterLink],
  templateUrl: './confirm-email-page.component.html',
  styleUrls: [
    '../../../shared/ui/public-page.scss',
    './confirm-email-page.component.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmEmailPageComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route `/ambassadors/confirm/:token`. */
  readonly token = input.required<string>();

  protected readonly productName = PRODUCT_NAME;
  protected readonly linkDays = APPLICATION_EMAIL_LINK_DAYS;
  protected readonly state = signal<ConfirmEmailState>('loading');
  protected readonly result = signal<ConfirmApplicationEmailResult | null>(
    null,
  );
  /** The API's own words for a failure. */
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Confirming changes the application, so the token is sent once per link opened.
    effect(() => {
      const token = this.token();
      untracked(() => this.confirm(token));
    });
  }

  protected confirm(token: string): void {
    this.state.set('loading');
    this.error.set(null);
    this.api
      .confirmApplicationEmail(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.result.set(result);
          this.state.set(result.confirmedNow ? 'confirmed' : 'already');
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.state.set('failed');
      return;
    }
    this.error.set(error.message);
    if (error.status === 404 || error.status === 400) this.state.set('invalid');
    else if (error.status === 422 && 'token' in error.fieldErrors)
      this.state.set('expired');
    else this.state.set('failed');
  }
}
