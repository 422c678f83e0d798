import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { CustomerDetail } from '@advocacy/shared';
import { CustomersApi } from '../../../core/api/customers-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { formValueOf, requestOf } from './customer-form';

/** Creates a customer (data null) or edits one; closes with the saved customer. */
@Component({
  selector: 'app-customer-dialog',
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
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  templateUrl: './customer-dialog.component.html',
  styleUrl: './customer-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerDialogComponent {
  private readonly customersApi = inject(CustomersApi);
  private readonly dialogRef =
    inject<MatDialogRef<CustomerDialogComponent, CustomerDetail>>(MatDialogRef);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly customer = inject<CustomerDetail | null>(MAT_DIALOG_DATA);
  private readonly initial = formValueOf(this.customer);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.initial.name, [Validators.required, Validators.maxLength(200)]],
    email: [
      this.initial.email,
      [Validators.required, Validators.email, Validators.maxLength(254)],
    ],
    externalId: [this.initial.externalId, Validators.maxLength(120)],
    purchaseCount: [this.initial.purchaseCount],
    purchaseValue: [this.initial.purchaseValue],
    firstPurchaseAt: [this.initial.firstPurchaseAt],
    lastPurchaseAt: [this.initial.lastPurchaseAt],
    consentEmail: [this.initial.consentEmail],
    consentMarketing: [this.initial.consentMarketing],
  });
  protected readonly submitting = signal(false);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const body = requestOf(this.form.getRawValue());
    const request = this.customer
      ? this.customersApi.update(this.customer.id, body)
      : this.customersApi.create(body);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.serverErrors.apply(this.form, error);
        this.submitting.set(false);
      },
    });
  }
}
