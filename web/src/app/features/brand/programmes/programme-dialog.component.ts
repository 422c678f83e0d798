import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import {
  ATTRIBUTION_MODELS,
  FRAUD_RULE_MODES,
  FRAUD_RULE_NAMES,
  PROGRAMME_CURRENCIES,
  ProgrammeSummary,
  REWARD_TYPES,
} from '@advocacy/shared';
import { map, startWith } from 'rxjs';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { ShareOfferComponent } from '../../advocate/share/share-offer.component';
import {
  FRAUD_RULE_LABELS,
  programmeForm,
  toProgrammeRequest,
} from './programme-form';

/** Create (no data) or edit a programme; closes with the saved programme. */
@Component({
  selector: 'app-programme-dialog',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSlideToggle,
    ReactiveFormsModule,
    ShareOfferComponent,
  ],
  templateUrl: './programme-dialog.component.html',
  styleUrl: './programme-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammeDialogComponent {
  private readonly api = inject(ReferralsApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef =
    inject<MatDialogRef<ProgrammeDialogComponent, ProgrammeSummary>>(
      MatDialogRef,
    );
  protected readonly existing = inject<ProgrammeSummary | null>(
    MAT_DIALOG_DATA,
    { optional: true },
  );

  protected readonly form = programmeForm(inject(FormBuilder), this.existing);
  protected readonly rewardTypes = REWARD_TYPES;
  protected readonly currencies = PROGRAMME_CURRENCIES;
  protected readonly models = ATTRIBUTION_MODELS;
  protected readonly ruleNames = FRAUD_RULE_NAMES;
  protected readonly ruleModes = FRAUD_RULE_MODES;
  protected readonly ruleLabels = FRAUD_RULE_LABELS;
  protected readonly saving = signal(false);
  protected readonly segments = toSignal(
    inject(SegmentsApi)
      .rules()
      .pipe(map((view) => view.rules.segments)),
    { initialValue: [] },
  );
  /** The live preview follows every keystroke. */
  protected readonly preview = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => toProgrammeRequest(this.form.getRawValue())),
    ),
    { requireSync: true },
  );

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const body = toProgrammeRequest(this.form.getRawValue());
    const request = this.existing
      ? this.api.updateProgramme(this.existing.id, body)
      : this.api.createProgramme(body);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverErrors.apply(this.form, error);
      },
    });
  }
}
