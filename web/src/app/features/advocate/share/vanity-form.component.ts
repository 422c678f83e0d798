import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MyProgramme, vanityCodeProblem } from '@advocacy/shared';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

/** The same rules as the server, so most mistakes show before sending. */
function vanityValidator(
  control: AbstractControl<string>,
): ValidationErrors | null {
  const value = control.value.trim();
  if (!value) return null;
  const problem = vanityCodeProblem(value);
  return problem ? { server: problem } : null;
}

@Component({
  selector: 'app-vanity-form',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="vanity">
      <mat-form-field class="code">
        <mat-label>Your own code</mat-label>
        <input
          matInput
          formControlName="code"
          autocomplete="off"
          data-testid="vanity-input"
        />
        <mat-hint>4–32 letters, digits or hyphens</mat-hint>
        <mat-error
          ><app-field-error [control]="form.controls.code" label="Code"
        /></mat-error>
      </mat-form-field>
      <button
        matButton="tonal"
        type="submit"
        [disabled]="saving()"
        data-testid="vanity-submit"
      >
        {{ saving() ? 'Saving…' : 'Use this code' }}
      </button>
    </form>
  `,
  styles: `
    .vanity {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
    }
    .code {
      flex: 1 1 220px;
    }
    button {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VanityFormComponent {
  private readonly api = inject(ReferralsApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  readonly programmeId = input.required<string>();
  readonly saved = output<MyProgramme>();

  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, vanityValidator]],
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api
      .setVanity({
        programmeId: this.programmeId(),
        code: this.form.controls.code.value.trim(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (programme) => {
          this.saving.set(false);
          this.form.reset();
          this.saved.emit(programme);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.serverErrors.apply(this.form, error);
        },
      });
  }
}
