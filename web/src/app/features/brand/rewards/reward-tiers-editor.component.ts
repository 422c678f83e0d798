import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
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
import { RewardTierRequest, RewardTierSummary } from '@advocacy/shared';
import { RewardsApi } from '../../../core/api/rewards-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

/** A programme's tiers: the common fields here; quality thresholds the form leaves untouched are kept. */
@Component({
  selector: 'app-reward-tiers-editor',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  templateUrl: './reward-tiers-editor.component.html',
  styleUrl: './rewards-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RewardTiersEditorComponent {
  private readonly api = inject(RewardsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  readonly programmeId = input.required<string>();
  protected readonly tiers = loadOnChange(
    computed(() => this.programmeId()),
    (id) => this.api.tiers(id, { page: 1, pageSize: 100 }),
  );
  protected readonly editing = signal<RewardTierSummary | null>(null);
  protected readonly busy = signal(false);
  /** Control names match the API fields, so server messages land on them. */
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    rank: new FormControl<number | null>(null, [Validators.required]),
    minQualifiedReferrals: new FormControl<number | null>(null, [
      Validators.required,
    ]),
    maxRefundRate: new FormControl<number | null>(null),
    bonusPoints: new FormControl<number | null>(null),
  });

  protected edit(tier: RewardTierSummary): void {
    this.editing.set(tier);
    this.form.reset({
      name: tier.name,
      rank: tier.rank,
      minQualifiedReferrals: tier.minQualifiedReferrals,
      maxRefundRate:
        tier.maxRefundRate === null
          ? null
          : Math.round(tier.maxRefundRate * 100),
      bonusPoints: tier.bonus?.type === 'points' ? tier.bonus.amount : null,
    });
  }

  /** Resets through the directive too, so a submitted, emptied form shows no errors. */
  protected cancel(formDir: FormGroupDirective): void {
    this.editing.set(null);
    formDir.resetForm();
  }

  protected save(formDir: FormGroupDirective): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const base = this.editing();
    const blank = (n: number | null) => n === null || `${n}` === '';
    const body: RewardTierRequest = {
      minRepeatPurchaseShare: base?.minRepeatPurchaseShare ?? null,
      minFriendAverageNps: base?.minFriendAverageNps ?? null,
      windowDays: base?.windowDays ?? null,
      downgrade: base?.downgrade ?? 'keep',
      name: value.name,
      rank: Number(value.rank),
      minQualifiedReferrals: Number(value.minQualifiedReferrals),
      maxRefundRate: blank(value.maxRefundRate)
        ? null
        : Number(value.maxRefundRate) / 100,
      bonus: blank(value.bonusPoints)
        ? base?.bonus?.type === 'points'
          ? null
          : (base?.bonus ?? null)
        : { type: 'points', amount: Number(value.bonusPoints), currency: null },
    };
    this.busy.set(true);
    (base
      ? this.api.updateTier(base.id, body)
      : this.api.createTier(this.programmeId(), body)
    ).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.info('Tier saved');
        this.cancel(formDir);
        this.tiers.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.serverErrors.apply(this.form, error);
      },
    });
  }

  protected remove(tier: RewardTierSummary): void {
    this.api.deleteTier(tier.id).subscribe(() => {
      this.notifier.info('Tier deleted');
      if (this.editing()?.id === tier.id) {
        this.editing.set(null);
        this.form.reset();
      }
      this.tiers.reload();
    });
  }
}
