import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
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
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CustomerSummary,
  NPS_CATEGORIES_WITH_UNKNOWN,
  OutreachSendView,
  OutreachTemplateView,
  SegmentNpsCategory,
} from '@advocacy/shared';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { CustomersApi } from '../../../core/api/customers-api';
import { ApiError } from '../../../core/api/api-error';
import { OutreachApi } from '../../../core/api/outreach-api';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { SurveysApi } from '../../../core/api/surveys-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import {
  AUDIENCE_LABELS,
  CATEGORY_LABELS,
  PURPOSE_LABELS,
  reasonLabel,
} from './outreach-labels';
import {
  audienceFor,
  audienceOf,
  gatingProblem,
  linksNeeded,
  sendForm,
  toSendRequest,
} from './send-form';

/** Send a template to a segment or a filtered list, now or later; closes with the created send. */
@Component({
  selector: 'app-send-dialog',
  imports: [
    FieldErrorComponent,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCheckbox,
    MatChip,
    MatChipRemove,
    MatChipSet,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './send-dialog.component.html',
  styleUrl: './send-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SendDialogComponent {
  private readonly api = inject(OutreachApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef =
    inject<MatDialogRef<SendDialogComponent, OutreachSendView>>(MatDialogRef);
  private readonly initialTemplate = inject<OutreachTemplateView | null>(
    MAT_DIALOG_DATA,
    { optional: true },
  );

  protected readonly form = sendForm(inject(FormBuilder));
  protected readonly categories = NPS_CATEGORIES_WITH_UNKNOWN;
  protected readonly categoryLabels = CATEGORY_LABELS;
  protected readonly purposeLabels = PURPOSE_LABELS;
  protected readonly audienceLabels = AUDIENCE_LABELS;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly minDate = localInputValue(
    new Date(Date.now() + 5 * 60_000),
  );

  protected readonly templates = toSignal(
    this.api.templates({ pageSize: 200 }).pipe(map((page) => page.items)),
    { initialValue: [] as OutreachTemplateView[] },
  );
  protected readonly programmes = toSignal(
    inject(ReferralsApi)
      .programmes({ status: 'active', pageSize: 100 })
      .pipe(map((page) => page.items)),
    { initialValue: [] },
  );
  protected readonly surveys = toSignal(
    inject(SurveysApi)
      .list({ active: true, pageSize: 100 })
      .pipe(map((page) => page.items)),
    { initialValue: [] },
  );
  protected readonly segments = toSignal(
    inject(SegmentsApi)
      .rules()
      .pipe(map((view) => view.rules.segments)),
    { initialValue: [] },
  );

  private readonly customersApi = inject(CustomersApi);
  protected readonly customerSearch = new FormControl<string | CustomerSummary>(
    '',
    { nonNullable: true },
  );
  /** The hand-picked recipients, kept for their names; the form holds their ids. */
  protected readonly picked = signal<CustomerSummary[]>([]);
  protected readonly matches = toSignal(
    this.customerSearch.valueChanges.pipe(
      debounceTime(250),
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < 2
          ? of([])
          : this.customersApi.list({ q, pageSize: 8 }).pipe(
              map((page) => page.items),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: [] as CustomerSummary[] },
  );

  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    {
      initialValue: this.form.getRawValue(),
    },
  );
  protected readonly template = computed(
    () =>
      this.templates().find((t) => t.id === this.value().templateId) ?? null,
  );
  protected readonly links = computed(() => linksNeeded(this.template()));
  protected readonly gating = computed(() =>
    gatingProblem(this.template(), this.value()),
  );

  /** Who the audience reaches now and who would be skipped, refreshed as the filter changes. */
  protected readonly count = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      debounceTime(250),
      map(() => this.form.getRawValue()),
      switchMap((value) =>
        value.templateId
          ? this.api
              .audienceCount(value.templateId, audienceOf(value))
              .pipe(catchError(() => of(null)))
          : of(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly skipRows = computed(() =>
    Object.entries(this.count()?.skipped ?? {}).map(([reason, count]) => ({
      label: reasonLabel(reason),
      count,
    })),
  );

  constructor() {
    this.form.controls.templateId.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((id) => {
        const chosen = this.templates().find((t) => t.id === id);
        if (chosen) {
          this.picked.set([]);
          this.form.patchValue(audienceFor(chosen));
        }
        this.error.set(null);
      });
    // With one active programme (or survey) there is nothing to choose.
    effect(() => {
      const [only, ...others] = this.programmes();
      if (only && others.length === 0 && !this.form.controls.programmeId.value)
        this.form.controls.programmeId.setValue(only.id);
    });
    effect(() => {
      const [only, ...others] = this.surveys();
      if (only && others.length === 0 && !this.form.controls.surveyId.value)
        this.form.controls.surveyId.setValue(only.id);
    });
    if (this.initialTemplate)
      this.form.controls.templateId.setValue(this.initialTemplate.id);
  }

  protected toggleCategory(
    category: SegmentNpsCategory,
    checked: boolean,
  ): void {
    const current = this.form.controls.npsCategories.value;
    this.form.controls.npsCategories.setValue(
      checked ? [...current, category] : current.filter((c) => c !== category),
    );
  }

  protected pick(customer: CustomerSummary): void {
    if (!this.picked().some((c) => c.id === customer.id))
      this.picked.update((list) => [...list, customer]);
    this.syncPicked();
    this.customerSearch.setValue('');
  }

  protected unpick(customer: CustomerSummary): void {
    this.picked.update((list) => list.filter((c) => c.id !== customer.id));
    this.syncPicked();
  }

  protected searchLabel(): string {
    return '';
  }

  private syncPicked(): void {
    this.form.controls.customerIds.setValue(this.picked().map((c) => c.id));
  }

  /** The one-click way out of review gating: no category, segment or hand-picked list at all. */
  protected sendToEverySegment(): void {
    this.picked.set([]);
    this.form.patchValue({
      npsCategories: [],
      segmentKeys: [],
      customerIds: [],
    });
    this.error.set(null);
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    if (!value.templateId) {
      this.form.controls.templateId.setErrors({ required: true });
      this.form.controls.templateId.markAsTouched();
      return;
    }
    if (this.gating()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api
      .createSend(toSendRequest(value, this.template()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (send) => this.dialogRef.close(send),
        error: (error: unknown) => {
          this.saving.set(false);
          if (error instanceof ApiError && error.code === 'REVIEW_GATING') {
            this.error.set(error.fieldErrors['audience'] ?? error.message);
            return;
          }
          this.serverErrors.apply(this.form, error);
          if (error instanceof ApiError && !error.hasFieldErrors)
            this.error.set(error.message);
        },
      });
  }
}

/** `datetime-local` wants local time without a zone. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
