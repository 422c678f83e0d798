import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { SubmitAnswerRequest, SurveyLinkView } from '@advocacy/shared';
import { ApiError } from '../../core/api/api-error';
import { SurveysApi } from '../../core/api/surveys-api';
import { PRODUCT_NAME } from '../../core/title/portal-title.strategy';
import { SurveyAnswerFormComponent } from './survey-answer-form.component';

export type SurveyPageState =
  | 'loading'
  | 'form'
  | 'thanks'
  | 'answered'
  | 'invalid'
  | 'closed'
  | 'failed';

export const LINK_INVALID_MESSAGE =
  'This survey link has expired or is not valid.';
export const ALREADY_ANSWERED_MESSAGE =
  'You have already answered — thank you!';

/** The public page behind a personal survey link: no sign-in, one answer per wave. */
@Component({
  selector: 'app-survey-page',
  imports: [MatButton, MatProgressBar, SurveyAnswerFormComponent],
  templateUrl: './survey-page.component.html',
  styleUrl: '../../shared/ui/public-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyPageComponent {
  private readonly surveysApi = inject(SurveysApi);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route `/s/:token`. */
  readonly token = input.required<string>();

  protected readonly productName = PRODUCT_NAME;
  protected readonly state = signal<SurveyPageState>('loading');
  protected readonly view = signal<SurveyLinkView | null>(null);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly closedMessage = signal('');
  protected readonly greeting = computed(() => {
    const name = this.view()?.firstName;
    return name ? `Hi ${name},` : 'Hi,';
  });
  protected readonly invalidMessage = LINK_INVALID_MESSAGE;
  protected readonly answeredMessage = ALREADY_ANSWERED_MESSAGE;

  constructor() {
    effect(() => this.load(this.token()));
  }

  protected retry(): void {
    this.load(this.token());
  }

  private load(token: string): void {
    this.state.set('loading');
    this.surveysApi
      .viewLink(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.view.set(view);
          this.state.set(view.answered ? 'answered' : 'form');
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  protected send(answer: SubmitAnswerRequest): void {
    this.submitting.set(true);
    this.error.set(null);
    this.surveysApi
      .answerLink(this.token(), answer)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          this.state.set('thanks');
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          if (error instanceof ApiError && error.status === 400)
            this.error.set(firstMessage(error));
          else this.fail(error);
        },
      });
  }

  private fail(error: unknown): void {
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 404) this.state.set('invalid');
    else if (
      status === 409 &&
      error instanceof ApiError &&
      error.hasFieldErrors
    )
      this.state.set('answered');
    else if (status === 409 && error instanceof ApiError) {
      // A survey switched off since the link was sent: the server's wording says so.
      this.closedMessage.set(error.message);
      this.state.set('closed');
    } else this.state.set('failed');
  }
}

function firstMessage(error: ApiError): string {
  const [first] = Object.values(error.fieldErrors);
  return first ? `${error.message}: ${first}` : error.message;
}
