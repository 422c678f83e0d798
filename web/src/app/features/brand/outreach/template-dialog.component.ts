import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
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
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import {
  CustomerSummary,
  OUTREACH_PURPOSES,
  OutreachPreview,
  OutreachPurpose,
  OutreachTemplateView,
  PURPOSE_AUDIENCES,
  REVIEW_GATING_MESSAGE,
  TEMPLATE_VARIABLES,
  TemplateVariable,
  renderHtml,
  renderText,
  SAMPLE_TEMPLATE_VALUES,
  withUnsubscribeFooter,
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
import { OutreachApi } from '../../../core/api/outreach-api';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { AUDIENCE_LABELS, PURPOSE_LABELS } from './outreach-labels';
import {
  insertVariable,
  STARTER_BODIES,
  templateForm,
  toTemplateInput,
} from './template-form';

/** Create (no data) or edit a template, with a live preview against a real customer; closes with the saved one. */
@Component({
  selector: 'app-template-dialog',
  imports: [
    FieldErrorComponent,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatChip,
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
    MatTab,
    MatTabGroup,
    ReactiveFormsModule,
  ],
  templateUrl: './template-dialog.component.html',
  styleUrl: './template-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateDialogComponent {
  private readonly api = inject(OutreachApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef =
    inject<MatDialogRef<TemplateDialogComponent, OutreachTemplateView>>(
      MatDialogRef,
    );
  protected readonly existing = inject<OutreachTemplateView | null>(
    MAT_DIALOG_DATA,
    {
      optional: true,
    },
  );

  protected readonly form = templateForm(inject(FormBuilder), this.existing);
  protected readonly purposes = OUTREACH_PURPOSES;
  protected readonly purposeLabels = PURPOSE_LABELS;
  protected readonly audienceLabels = AUDIENCE_LABELS;
  protected readonly variables = TEMPLATE_VARIABLES;
  /** `{{name}}` spelled out; Angular templates cannot hold literal braces. */
  protected readonly tokens = Object.fromEntries(
    TEMPLATE_VARIABLES.map((v) => [v, `{{${v}}}`]),
  ) as Record<TemplateVariable, string>;
  protected readonly gatingMessage = REVIEW_GATING_MESSAGE;
  protected readonly saving = signal(false);
  private readonly bodyInput =
    viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');

  protected readonly customerSearch = new FormControl<string | CustomerSummary>(
    '',
    { nonNullable: true },
  );
  protected readonly customer = signal<CustomerSummary | null>(null);
  protected readonly programmeId = new FormControl<string>('', {
    nonNullable: true,
  });
  protected readonly programmes = toSignal(
    inject(ReferralsApi)
      .programmes({ status: 'active', pageSize: 100 })
      .pipe(map((page) => page.items)),
    { initialValue: [] },
  );
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
    { initialValue: [] },
  );

  private readonly purpose = toSignal(this.form.controls.purpose.valueChanges, {
    initialValue: this.form.controls.purpose.value,
  });
  protected readonly allowedAudiences = computed(
    () => PURPOSE_AUDIENCES[this.purpose()],
  );
  protected readonly isReviewRequest = computed(
    () => this.purpose() === 'public_review_request',
  );

  /** Server-rendered preview (real name and link); sample values render locally while it loads or without a customer. */
  protected readonly preview = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      debounceTime(300),
      map(() => this.form.getRawValue()),
      switchMap((value) => {
        const local = localPreview(value.subject, value.body);
        const customerId = this.customer()?.id;
        if (
          this.form.controls.subject.invalid ||
          this.form.controls.body.invalid ||
          !customerId
        )
          return of(local);
        return this.api
          .preview({
            subject: value.subject,
            body: value.body,
            customerId,
            programmeId: this.programmeId.value || undefined,
          })
          .pipe(catchError(() => of(local)));
      }),
    ),
    { initialValue: null },
  );

  constructor() {
    this.form.controls.purpose.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((purpose) => this.purposeChanged(purpose));
  }

  protected customerLabel(value: CustomerSummary | string | null): string {
    return typeof value === 'string'
      ? value
      : value
        ? `${value.name} (${value.email})`
        : '';
  }

  protected chooseCustomer(customer: CustomerSummary): void {
    this.customer.set(customer);
    this.refreshPreview();
  }

  protected clearCustomer(): void {
    this.customer.set(null);
    this.customerSearch.setValue('');
    this.refreshPreview();
  }

  protected refreshPreview(): void {
    this.form.updateValueAndValidity({ emitEvent: true });
  }

  protected insert(variable: TemplateVariable): void {
    const control = this.form.controls.body;
    const element = this.bodyInput()?.nativeElement;
    const start = element?.selectionStart ?? control.value.length;
    const end = element?.selectionEnd ?? start;
    const next = insertVariable(control.value, start, end, variable);
    control.setValue(next.text);
    control.markAsDirty();
    if (element) {
      element.focus();
      queueMicrotask(() => element.setSelectionRange(next.cursor, next.cursor));
    }
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const body = toTemplateInput(this.form.getRawValue());
    const request = this.existing
      ? this.api.updateTemplate(this.existing.id, body)
      : this.api.createTemplate(body);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverErrors.apply(this.form, error);
      },
    });
  }

  /** A new template follows its purpose: the intended segment, and starter text until the user edits it. */
  private purposeChanged(purpose: OutreachPurpose): void {
    this.form.controls.audience.setValue(PURPOSE_AUDIENCES[purpose][0]);
    if (this.existing) return;
    const { name, subject, body } = this.form.controls;
    if (!name.dirty) name.setValue(PURPOSE_LABELS[purpose]);
    if (!subject.dirty && !body.dirty)
      this.form.patchValue(STARTER_BODIES[purpose]);
  }
}

function localPreview(subject: string, body: string): OutreachPreview {
  const full = withUnsubscribeFooter(body);
  return {
    subject: renderText(subject, SAMPLE_TEMPLATE_VALUES),
    text: renderText(full, SAMPLE_TEMPLATE_VALUES),
    html: renderHtml(full, SAMPLE_TEMPLATE_VALUES),
    notes: ['Sample values: choose a customer to preview with real data.'],
  };
}
