import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { CouponPoolSummary, DEFAULT_PAGE_SIZE } from '@advocacy/shared';
import { RewardsApi } from '../../../core/api/rewards-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

/** Coupon pools: remaining codes, low-stock warning, create and import (pasted list or CSV file). */
@Component({
  selector: 'app-coupon-pools-panel',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  template: `
    <section>
      <h2>Coupon pools</h2>
      @for (pool of pools.value()?.items ?? []; track pool.id) {
        <div class="card" [attr.data-testid]="'pool-' + pool.id">
          <strong>{{ pool.name }}</strong>
          <span>{{ pool.remaining }} of {{ pool.total }} codes left</span>
          @if (pool.low) {
            <span class="warn" data-testid="pool-low"
              >Running low (threshold {{ pool.lowThreshold }})</span
            >
          }
          <form [formGroup]="importForm" (ngSubmit)="importCodes(pool)">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Codes, one per line</mat-label>
              <textarea matInput rows="2" formControlName="codes"></textarea>
              <mat-error
                ><app-field-error
                  [control]="importForm.controls.codes"
                  label="Codes"
              /></mat-error>
            </mat-form-field>
            <button mat-stroked-button type="submit">Import list</button>
            <label class="file">
              or CSV file
              <input
                type="file"
                accept=".csv,text/csv"
                (change)="importFile(pool, $event)"
              />
            </label>
          </form>
        </div>
      } @empty {
        <p class="muted">No coupon pools yet.</p>
      }
      <form [formGroup]="createForm" class="create" (ngSubmit)="create()">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>New pool name</mat-label>
          <input matInput formControlName="name" />
          <mat-error
            ><app-field-error [control]="createForm.controls.name" label="Name"
          /></mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Warn below</mat-label>
          <input matInput type="number" formControlName="lowThreshold" />
          <mat-error
            ><app-field-error
              [control]="createForm.controls.lowThreshold"
              label="Threshold"
          /></mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit">Create pool</button>
      </form>
    </section>
  `,
  styles: `
    .card {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 16px;
      margin-bottom: 12px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .warn {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CouponPoolsPanelComponent {
  private readonly api = inject(RewardsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  protected readonly pools = loadOnChange(
    signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE }),
    (query) => this.api.pools(query),
  );
  protected readonly createForm = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    lowThreshold: new FormControl(10, {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });
  protected readonly importForm = new FormGroup({
    codes: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });

  protected create(): void {
    if (this.createForm.invalid) return this.createForm.markAllAsTouched();
    this.api
      .createPool({
        ...this.createForm.getRawValue(),
        lowThreshold: Number(this.createForm.controls.lowThreshold.value),
      })
      .subscribe({
        next: () => {
          this.createForm.reset();
          this.pools.reload();
        },
        error: (error: unknown) =>
          this.serverErrors.apply(this.createForm, error),
      });
  }

  protected importCodes(pool: CouponPoolSummary): void {
    if (this.importForm.invalid) return this.importForm.markAllAsTouched();
    const codes = this.importForm.controls.codes.value
      .split(/\r?\n/)
      .map((code) => code.trim())
      .filter(Boolean);
    this.api.importCodes(pool.id, codes).subscribe({
      next: (result) => {
        this.notifier.info(`${result.added} codes added`);
        this.importForm.reset();
        this.pools.reload();
      },
      error: (error: unknown) =>
        this.serverErrors.apply(this.importForm, error),
    });
  }

  protected importFile(pool: CouponPoolSummary, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.api.importCsv(pool.id, file).subscribe({
      next: (result) => {
        this.notifier.info(`${result.added} codes added`);
        this.pools.reload();
      },
      error: (error: unknown) =>
        this.serverErrors.apply(this.importForm, error),
    });
  }
}
