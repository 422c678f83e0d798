import {
  ChangeDetectionStrategy,
  Component,
  inject,
  output,
  signal,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { REWARD_TYPES, RewardType } from '@advocacy/shared';
import { map, switchMap, throwError } from 'rxjs';
import { CustomersApi } from '../../../core/api/customers-api';
import { RewardsApi } from '../../../core/api/rewards-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

/** No customer has the typed email; shown on the email field. */
class UnknownAdvocate extends Error {}

const MONEY: readonly RewardType[] = ['store_credit', 'cash', 'gift_card'];

/** A reward granted by hand to one advocate, found by email, always with a reason. */
@Component({
  selector: 'app-manual-grant-panel',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  template: `
    <form
      #formDir="ngForm"
      [formGroup]="form"
      class="grant"
      data-testid="grant-form"
      (ngSubmit)="grant(formDir)"
    >
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Advocate email</mat-label>
        <input matInput type="email" formControlName="customerId" />
        <mat-error
          ><app-field-error
            [control]="form.controls.customerId"
            label="Advocate email"
        /></mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Type</mat-label>
        <mat-select formControlName="type">
          @for (type of types; track type) {
            <mat-option [value]="type">{{ type.replace('_', ' ') }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ amountLabel() }}</mat-label>
        <input matInput type="number" min="0" formControlName="amount" />
        <mat-error
          ><app-field-error [control]="form.controls.amount" label="Amount"
        /></mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="wide">
        <mat-label>Reason (shown to the advocate)</mat-label>
        <input matInput formControlName="reason" />
        <mat-error
          ><app-field-error [control]="form.controls.reason" label="Reason"
        /></mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Grant</button>
    </form>
  `,
  styles: `
    .grant {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
      margin-bottom: 16px;
    }
    .wide {
      flex: 1 1 240px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManualGrantPanelComponent {
  private readonly api = inject(RewardsApi);
  private readonly customers = inject(CustomersApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  readonly granted = output<void>();
  protected readonly types = REWARD_TYPES;
  protected readonly busy = signal(false);
  /** Named after the API field, so its errors land here; the form holds the email until sent. */
  protected readonly form = new FormGroup({
    customerId: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    type: new FormControl<RewardType>('points', { nonNullable: true }),
    amount: new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(0)],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3)],
    }),
  });
  protected readonly amountLabel = signal('Points');

  constructor() {
    this.form.controls.type.valueChanges.subscribe((type) =>
      this.amountLabel.set(
        type === 'points'
          ? 'Points'
          : MONEY.includes(type)
            ? 'Amount (USD)'
            : 'Value (USD, optional)',
      ),
    );
  }

  protected grant(formDir: FormGroupDirective): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const amount = Number(value.amount);
    this.busy.set(true);
    this.customers
      .list({ q: value.customerId.trim(), page: 1, pageSize: 1 })
      .pipe(
        map((page) =>
          page.items.find((c) => c.email === value.customerId.trim()),
        ),
        switchMap((customer) =>
          customer
            ? this.api.grant({
                customerId: customer.id,
                type: value.type,
                amount:
                  value.type === 'points' ? amount : Math.round(amount * 100),
                currency: value.type === 'points' ? null : 'USD',
                reason: value.reason,
              })
            : throwError(() => new UnknownAdvocate()),
        ),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.notifier.info('Reward granted');
          formDir.resetForm({ type: 'points' });
          this.granted.emit();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (error instanceof UnknownAdvocate) {
            this.form.controls.customerId.setErrors({
              server: 'no customer has this email',
            });
            return this.form.controls.customerId.markAsTouched();
          }
          this.serverErrors.apply(this.form, error);
        },
      });
  }
}
