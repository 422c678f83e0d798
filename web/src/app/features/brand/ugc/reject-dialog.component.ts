import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';

/** Asks for the reason the submitter will read; closes with it. */
@Component({
  selector: 'app-reject-dialog',
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
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>
      Reject {{ count === 1 ? 'submission' : count + ' submissions' }}
    </h2>
    <mat-dialog-content>
      <mat-form-field class="full">
        <mat-label>Reason</mat-label>
        <textarea
          matInput
          rows="3"
          [formControl]="reason"
          data-testid="ugc-reject-reason"
        ></textarea>
        <mat-hint>The submitter sees this. Be kind and specific.</mat-hint>
        <mat-error
          ><app-field-error [control]="reason" label="A reason"
        /></mat-error>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>Cancel</button>
      <button
        matButton="filled"
        type="button"
        (click)="done()"
        data-testid="ugc-reject-confirm"
      >
        Reject
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(420px, 80vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RejectDialogComponent {
  private readonly ref =
    inject<MatDialogRef<RejectDialogComponent, string>>(MatDialogRef);
  protected readonly count = inject<number>(MAT_DIALOG_DATA);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.minLength(3),
      Validators.maxLength(500),
    ],
  });

  protected done(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(this.reason.value.trim());
  }
}
