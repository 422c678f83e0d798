import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SubmitAnswerRequest, SurveyForm } from '@advocacy/shared';
import { ApiError } from '../../../core/api/api-error';
import { SurveysApi } from '../../../core/api/surveys-api';
import { SurveyAnswerFormComponent } from '../../survey/survey-answer-form.component';

type CardState = 'hidden' | 'form' | 'thanks';

/** The survey the brand wants this advocate to answer, inline on their home page; nothing when none is due. */
@Component({
  selector: 'app-survey-card',
  imports: [SurveyAnswerFormComponent],
  template: `
    @if (state() === 'form' && form(); as survey) {
      <section
        class="card"
        aria-labelledby="survey-card-title"
        data-testid="survey-card"
      >
        <h2 id="survey-card-title">A quick question from us</h2>
        <app-survey-answer-form
          [form]="survey"
          [submitting]="submitting()"
          [error]="error()"
          (answered)="send(survey, $event)"
        />
      </section>
    } @else if (state() === 'thanks') {
      <section
        class="card thanks"
        role="status"
        data-testid="survey-card-thanks"
      >
        <h2>Thank you for your answer!</h2>
        <p>{{ thanks() }}</p>
      </section>
    }
  `,
  styleUrl: './survey-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyCardComponent {
  private readonly surveysApi = inject(SurveysApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly state = signal<CardState>('hidden');
  protected readonly form = signal<SurveyForm | null>(null);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly thanks = signal('');

  constructor() {
    this.surveysApi
      .offer()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (offer) => {
          this.form.set(offer.form);
          this.state.set(offer.form ? 'form' : 'hidden');
        },
        // An offer that cannot be loaded is not worth an error on the home page.
        error: () => this.state.set('hidden'),
      });
  }

  protected send(survey: SurveyForm, answer: SubmitAnswerRequest): void {
    this.submitting.set(true);
    this.error.set(null);
    this.surveysApi
      .answer({ ...answer, surveyId: survey.surveyId })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.finish('It helps us make things better for you.'),
        error: (error: unknown) => {
          this.submitting.set(false);
          if (error instanceof ApiError && error.status === 409) {
            this.finish('We already had your answer to this survey.');
          } else if (
            error instanceof ApiError &&
            (error.status === 429 || error.status === 400)
          ) {
            this.error.set(error.message);
          } else {
            this.error.set('Your answer could not be sent. Please try again.');
          }
        },
      });
  }

  private finish(message: string): void {
    this.submitting.set(false);
    this.thanks.set(message);
    this.state.set('thanks');
  }
}
