import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import {
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  BUDGET_PERIODS,
  BudgetPeriod,
  ProgrammeLimits,
} from '@advocacy/shared';
import { RewardsApi } from '../../../core/api/rewards-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

type Amount = FormControl<number | null>;

const budgetRow = (
  period: BudgetPeriod = 'month',
  limit: number | null = null,
) =>
  new FormGroup({
    period: new FormControl<BudgetPeriod>(period, { nonNullable: true }),
    limitMinor: new FormControl<number | null>(limit) as Amount,
  });

const capRow = (
  period: BudgetPeriod = 'month',
  count: number | null = null,
  amount: number | null = null,
) =>
  new FormGroup({
    period: new FormControl<BudgetPeriod>(period, { nonNullable: true }),
    maxCount: new FormControl<number | null>(count) as Amount,
    maxAmountMinor: new FormControl<number | null>(amount) as Amount,
  });

/** Money is typed in dollars and sent in cents; field names match the API so its errors land in place. */
const dollars = (minor: number | null) => (minor === null ? null : minor / 100);
const cents = (value: number | null) =>
  value === null || `${value}` === '' ? null : Math.round(Number(value) * 100);

/** Edits one programme's budgets, per-advocate caps and claim minimum. */
@Component({
  selector: 'app-programme-limits-form',
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
  templateUrl: './programme-limits-form.component.html',
  styleUrl: './rewards-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammeLimitsFormComponent {
  private readonly api = inject(RewardsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  readonly limits = input.required<ProgrammeLimits>();
  readonly saved = output<void>();
  protected readonly periods = BUDGET_PERIODS;
  protected readonly busy = signal(false);
  protected readonly form = new FormGroup({
    budgets: new FormArray<ReturnType<typeof budgetRow>>([]),
    caps: new FormArray<ReturnType<typeof capRow>>([]),
    minClaimMinor: new FormControl<number | null>(null),
  });

  constructor() {
    effect(() => {
      const limits = this.limits();
      this.form.controls.budgets.clear();
      for (const budget of limits.budgets)
        this.form.controls.budgets.push(
          budgetRow(budget.period, dollars(budget.limitMinor)),
        );
      this.form.controls.caps.clear();
      for (const cap of limits.caps)
        this.form.controls.caps.push(
          capRow(cap.period, cap.maxCount, dollars(cap.maxAmountMinor)),
        );
      this.form.controls.minClaimMinor.setValue(dollars(limits.minClaimMinor));
    });
  }

  protected addBudget(): void {
    this.form.controls.budgets.push(budgetRow());
  }

  protected addCap(): void {
    this.form.controls.caps.push(capRow());
  }

  protected save(): void {
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .setLimits(this.limits().programmeId, {
        budgets: value.budgets.map((budget) => ({
          period: budget.period,
          limitMinor: cents(budget.limitMinor) ?? 0,
        })),
        caps: value.caps.map((cap) => ({
          period: cap.period,
          maxCount:
            cap.maxCount === null || `${cap.maxCount}` === ''
              ? null
              : Number(cap.maxCount),
          maxAmountMinor: cents(cap.maxAmountMinor),
        })),
        minClaimMinor: cents(value.minClaimMinor) ?? 0,
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.notifier.info('Limits saved');
          this.saved.emit();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.serverErrors.apply(this.form, error);
        },
      });
  }
}
