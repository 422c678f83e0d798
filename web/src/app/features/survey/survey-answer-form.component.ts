import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  COMMENT_MAX_LENGTH,
  SubmitAnswerRequest,
  SurveyForm,
} from '@advocacy/shared';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { followUpLabel, scaleLabels, scoreOptions } from './survey-answer';

/** Score buttons, then the category's follow-up question and an optional comment. */
@Component({
  selector: 'app-survey-answer-form',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    ReactiveFormsModule,
  ],
  templateUrl: './survey-answer-form.component.html',
  styleUrl: './survey-answer-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyAnswerFormComponent {
  readonly form = input.required<SurveyForm>();
  readonly submitting = input(false);
  /** A refusal from the server, shown above the button. */
  readonly error = input<string | null>(null);
  readonly answered = output<SubmitAnswerRequest>();

  protected readonly maxLength = COMMENT_MAX_LENGTH;
  protected readonly score = signal<number | null>(null);
  protected readonly comment = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(COMMENT_MAX_LENGTH)],
  });
  protected readonly options = computed(() => scoreOptions(this.form().kind));
  protected readonly labels = computed(() => scaleLabels(this.form().kind));
  protected readonly followUp = computed(() => {
    const score = this.score();
    return score === null ? null : followUpLabel(this.form(), score);
  });
  protected readonly groupId = `survey-${Math.random().toString(36).slice(2, 8)}`;

  protected pick(value: number): void {
    this.score.set(value);
  }

  /** Arrow keys move between scores, as in any radio group. */
  protected move(event: KeyboardEvent, value: number): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[
      event.key
    ];
    if (step === undefined) return;
    event.preventDefault();
    const values = this.options().map((option) => option.value);
    const next =
      values[(values.indexOf(value) + step + values.length) % values.length];
    this.score.set(next);
    const host = (event.target as HTMLElement).parentElement;
    host?.querySelector<HTMLButtonElement>(`[data-score="${next}"]`)?.focus();
  }

  protected submit(event: Event): void {
    // A plain form (no formGroup), so the browser's own submit is stopped here.
    event.preventDefault();
    const score = this.score();
    if (score === null || this.comment.invalid) {
      this.comment.markAsTouched();
      return;
    }
    const comment = this.comment.value.trim();
    this.answered.emit({ score, comment: comment || null });
  }
}
