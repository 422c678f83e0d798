import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import {
  CreateSurveyRequest,
  DEFAULT_THROTTLE_DAYS,
  SurveyKindName,
  SurveySummary,
} from '@advocacy/shared';
import { startWith } from 'rxjs';
import { SurveysApi } from '../../../core/api/surveys-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { previewLines } from './survey-preview';

/** Creates (data null) or edits a survey, previewing the follow-up each respondent sees; closes with the saved survey. */
@Component({
  selector: 'app-survey-dialog',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    MatSlideToggle,
    ReactiveFormsModule,
  ],
  templateUrl: './survey-dialog.component.html',
  styleUrl: './survey-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyDialogComponent {
  private readonly surveysApi = inject(SurveysApi);
  private readonly dialogRef =
    inject<MatDialogRef<SurveyDialogComponent, SurveySummary>>(MatDialogRef);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly survey = inject<SurveySummary | null>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: [this.survey?.kind ?? ('nps' as SurveyKindName)],
    name: [
      this.survey?.name ?? '',
      [Validators.required, Validators.maxLength(120)],
    ],
    question: [
      this.survey?.question ??
        'How likely are you to recommend us to a friend or colleague?',
      [Validators.required, Validators.minLength(5), Validators.maxLength(300)],
    ],
    followUpPromoter: [
      this.survey?.followUpPromoter ?? 'What do you love most about us?',
      Validators.maxLength(300),
    ],
    followUpPassive: [
      this.survey?.followUpPassive ?? 'What would make it a 10?',
      Validators.maxLength(300),
    ],
    followUpDetractor: [
      this.survey?.followUpDetractor ??
        'What went wrong, and how can we make it right?',
      Validators.maxLength(300),
    ],
    throttleDays: [
      this.survey?.throttleDays ?? DEFAULT_THROTTLE_DAYS,
      [Validators.required, Validators.min(0), Validators.max(730)],
    ],
    active: [this.survey?.active ?? true],
  });
  private readonly value = toSignal(
    this.form.valueChanges.pipe(startWith(this.form.getRawValue())),
    {
      initialValue: this.form.getRawValue(),
    },
  );
  protected readonly kind = computed(() => this.value().kind ?? 'nps');
  protected readonly preview = computed(() => {
    const value = this.value();
    return previewLines(this.kind(), {
      followUpPromoter: value.followUpPromoter ?? '',
      followUpPassive: value.followUpPassive ?? '',
      followUpDetractor: value.followUpDetractor ?? '',
    });
  });
  protected readonly submitting = signal(false);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const value = this.form.getRawValue();
    const csat = value.kind === 'csat';
    const body: CreateSurveyRequest = {
      kind: value.kind,
      name: value.name.trim(),
      question: value.question.trim(),
      // CSAT asks one follow-up of everyone, kept in the passive slot.
      followUpPromoter: csat ? null : value.followUpPromoter.trim() || null,
      followUpPassive: value.followUpPassive.trim() || null,
      followUpDetractor: csat ? null : value.followUpDetractor.trim() || null,
      throttleDays: Number(value.throttleDays),
      active: value.active,
    };
    const { kind, ...changes } = body;
    const request = this.survey
      ? this.surveysApi.update(this.survey.id, changes)
      : this.surveysApi.create({ ...changes, kind });
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.serverErrors.apply(this.form, error);
        this.submitting.set(false);
      },
    });
  }

  /** Switching kind on a new survey swaps in a fitting default question. */
  protected kindChanged(kind: SurveyKindName): void {
    if (this.survey || this.form.controls.question.dirty) return;
    this.form.controls.question.setValue(
      kind === 'nps'
        ? 'How likely are you to recommend us to a friend or colleague?'
        : 'How satisfied were you with your last order?',
    );
    if (!this.form.controls.followUpPassive.dirty) {
      this.form.controls.followUpPassive.setValue(
        kind === 'nps'
          ? 'What would make it a 10?'
          : 'Anything we could do better?',
      );
    }
  }
}
