import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
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
import {
  Decision,
  DecisionRequest,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  RejectionReason,
} from '@advocacy/shared';

export interface DecisionDialogData {
  decision: Exclude<Decision, 'review'>;
  /** Who is decided: one name, or "3 applications". */
  subject: string;
  /** The programme's template, already filled in for one applicant; empty for bulk. */
  message: string;
}

const TITLES: Record<DecisionDialogData['decision'], string> = {
  approve: 'Approve',
  reject: 'Reject',
  waitlist: 'Waitlist',
};

/** Confirms a decision; Enter confirms, Escape cancels. Closes with the request to send. */
@Component({
  selector: 'app-decision-dialog',
  imports: [
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
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }} {{ data.subject }}?</h2>
    <mat-dialog-content>
      <form [formGroup]="form" id="decision-form" (ngSubmit)="confirm()">
        @if (data.decision === 'reject') {
          <mat-form-field class="full">
            <mat-label>Reason (internal)</mat-label>
            <mat-select
              formControlName="reasonCode"
              data-testid="decision-reason"
            >
              @for (code of reasons; track code) {
                <mat-option [value]="code">{{ labels[code] }}</mat-option>
              }
            </mat-select>
            <mat-error>Choose a reason to reject.</mat-error>
          </mat-form-field>
        }
        <mat-form-field class="full">
          <mat-label>Message to the applicant</mat-label>
          <textarea
            matInput
            rows="4"
            formControlName="message"
            (keydown.control.enter)="confirm()"
            (keydown.meta.enter)="confirm()"
            data-testid="decision-message-input"
          ></textarea>
          <mat-hint>{{
            data.message
              ? 'From the programme’s template; edit freely'
              : 'Empty: each gets the programme’s template'
          }}</mat-hint>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>Cancel</button>
      <button
        matButton="filled"
        type="submit"
        form="decision-form"
        cdkFocusInitial
        data-testid="decision-confirm"
      >
        {{ title }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(480px, 80vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionDialogComponent {
  protected readonly data = inject<DecisionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<DecisionDialogComponent, DecisionRequest>>(
      MatDialogRef,
    );
  protected readonly title = TITLES[this.data.decision];
  protected readonly reasons = REJECTION_REASONS;
  protected readonly labels = REJECTION_REASON_LABELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reasonCode: [
      '' as RejectionReason | '',
      this.data.decision === 'reject' ? Validators.required : [],
    ],
    message: [this.data.message],
  });

  protected confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { reasonCode, message } = this.form.getRawValue();
    this.dialogRef.close({
      decision: this.data.decision,
      ...(reasonCode ? { reasonCode } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    });
  }
}
