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
import { MatCheckbox } from '@angular/material/checkbox';
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
import { AmbassadorProgrammeSummary } from '@advocacy/shared';
import { map } from 'rxjs';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { settingsForm, toSettingsRequest } from './programme-settings-form';

/** Create (no data) or edit an ambassador programme's settings; closes with the saved programme. */
@Component({
  selector: 'app-programme-settings-dialog',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatCheckbox,
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
  ],
  templateUrl: './programme-settings-dialog.component.html',
  styleUrl: './programme-settings-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammeSettingsDialogComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef =
    inject<
      MatDialogRef<ProgrammeSettingsDialogComponent, AmbassadorProgrammeSummary>
    >(MatDialogRef);
  protected readonly existing = inject<AmbassadorProgrammeSummary | null>(
    MAT_DIALOG_DATA,
    {
      optional: true,
    },
  );

  protected readonly form = settingsForm(inject(FormBuilder), this.existing);
  protected readonly saving = signal(false);
  protected readonly segments = toSignal(
    inject(SegmentsApi)
      .rules()
      .pipe(map((view) => view.rules.segments)),
    { initialValue: [] },
  );
  protected readonly never = toSignal(
    this.form.controls.neverReapply.valueChanges,
    {
      initialValue: this.form.controls.neverReapply.value,
    },
  );

  protected submit(): void {
    this.saving.set(true);
    const body = toSettingsRequest(this.form.getRawValue());
    const request = this.existing
      ? this.api.update(this.existing.id, body)
      : this.api.create(body);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverErrors.apply(this.form, error);
      },
    });
  }
}
