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
  PROGRAMME_CURRENCIES,
  UGC_CAMPAIGN_STATUSES,
  UGC_REWARD_TYPES,
  UgcCampaignSummary,
} from '@advocacy/shared';
import { map } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { SegmentsApi } from '../../../core/api/segments-api';
import { UgcApi } from '../../../core/api/ugc-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import {
  CAMPAIGN_FIELD_CONTROLS,
  campaignForm,
  toCampaignRequest,
} from './campaign-form';

const REWARD_LABELS: Record<string, string> = {
  none: 'No reward',
  points: 'Points',
  store_credit: 'Store credit',
  cash: 'Cash',
  gift_card: 'Gift card',
  perk: 'Perk',
};

/** Create (no data) or edit a UGC campaign; closes with the saved campaign. */
@Component({
  selector: 'app-campaign-dialog',
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
  ],
  templateUrl: './campaign-dialog.component.html',
  styleUrl: './ugc-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignDialogComponent {
  private readonly api = inject(UgcApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef =
    inject<MatDialogRef<CampaignDialogComponent, UgcCampaignSummary>>(
      MatDialogRef,
    );
  protected readonly existing = inject<UgcCampaignSummary | null>(
    MAT_DIALOG_DATA,
    {
      optional: true,
    },
  );

  protected readonly form = campaignForm(inject(FormBuilder), this.existing);
  protected readonly rewardTypes = ['none', ...UGC_REWARD_TYPES];
  protected readonly rewardLabels = REWARD_LABELS;
  protected readonly currencies = PROGRAMME_CURRENCIES;
  protected readonly statuses = UGC_CAMPAIGN_STATUSES;
  protected readonly saving = signal(false);
  protected readonly rewardType = toSignal(
    this.form.controls.rewardType.valueChanges,
    {
      initialValue: this.form.controls.rewardType.value,
    },
  );
  protected readonly segments = toSignal(
    inject(SegmentsApi)
      .rules()
      .pipe(map((view) => view.rules.segments)),
    { initialValue: [] },
  );

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const body = toCampaignRequest(this.form.getRawValue());
    const request = this.existing
      ? this.api.updateCampaign(this.existing.id, body)
      : this.api.createCampaign(body);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverErrors.apply(this.form, remap(error));
      },
    });
  }
}

function remap(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, message]) => [
      CAMPAIGN_FIELD_CONTROLS[field] ?? field.replace(/\[\d+\]$/, ''),
      message,
    ]),
  );
  return new ApiError(
    error.status,
    error.code,
    error.message,
    fields,
    error.requestId,
  );
}
