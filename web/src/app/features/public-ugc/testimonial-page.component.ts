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
import { UgcOpenCampaign } from '@advocacy/shared';
import { ApiError } from '../../core/api/api-error';
import { UgcApi } from '../../core/api/ugc-api';
import { PRODUCT_NAME } from '../../core/title/portal-title.strategy';
import { UgcSubmissionFormComponent } from '../advocate/ugc/ugc-submission-form.component';

type State = 'loading' | 'form' | 'thanks' | 'invalid' | 'failed';

/** The public page behind a campaign's testimonial link: no account needed. */
@Component({
  selector: 'app-testimonial-page',
  imports: [MatProgressBar, UgcSubmissionFormComponent],
  templateUrl: './testimonial-page.component.html',
  styleUrls: ['../../shared/ui/public-page.scss', './public-ugc.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TestimonialPageComponent {
  private readonly api = inject(UgcApi);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route `/t/:token`. */
  readonly token = input.required<string>();

  protected readonly productName = PRODUCT_NAME;
  protected readonly state = signal<State>('loading');
  protected readonly campaign = signal<UgcOpenCampaign | null>(null);
  protected readonly send = (form: FormData) =>
    this.api.submitLink(this.token(), form);

  constructor() {
    effect(() => this.load(this.token()));
  }

  protected load(token: string): void {
    this.state.set('loading');
    this.api
      .linkCampaign(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (campaign) => {
          this.campaign.set(campaign);
          this.state.set('form');
        },
        error: (error: unknown) =>
          this.state.set(
            error instanceof ApiError && error.status === 404
              ? 'invalid'
              : 'failed',
          ),
      });
  }
}
