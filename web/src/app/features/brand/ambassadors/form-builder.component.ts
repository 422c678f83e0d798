import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import {
  takeUntilDestroyed,
  toObservable,
  toSignal,
} from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
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
  AmbassadorProgrammeSummary,
  FORM_FIELD_TYPES,
  SOCIAL_PLATFORMS,
  validateFormFields,
} from '@advocacy/shared';
import { map, startWith, switchMap } from 'rxjs';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { ApplicationFormComponent } from '../../../shared/application-form/application-form.component';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import {
  FIELD_TYPE_LABELS,
  FieldGroup,
  fieldGroup,
  keyFromLabel,
  toFormFields,
} from './form-builder';

/** Edits the application form beside a live preview; saving after anyone applied makes a new version. */
@Component({
  selector: 'app-form-builder',
  imports: [
    ApplicationFormComponent,
    FieldErrorComponent,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './form-builder.component.html',
  styleUrl: './form-builder.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormBuilderComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly fb = inject(FormBuilder);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  readonly programme = input.required<AmbassadorProgrammeSummary>();
  readonly saved = output<AmbassadorProgrammeSummary>();

  protected readonly types = FORM_FIELD_TYPES;
  protected readonly typeLabels = FIELD_TYPE_LABELS;
  protected readonly platforms = SOCIAL_PLATFORMS;
  protected readonly saving = signal(false);

  protected readonly form = computed(() =>
    this.fb.group({
      fields: new FormArray<FieldGroup>(
        (this.programme().form?.fields ?? []).map((f) =>
          fieldGroup(this.fb, f),
        ),
      ),
    }),
  );
  protected readonly fields = computed(() => this.form().controls.fields);
  /** The preview and the instant checks follow every keystroke. */
  private readonly changes = toSignal(
    toObservable(this.form).pipe(
      switchMap((form) => form.valueChanges.pipe(startWith(null))),
      map((_, i) => i),
    ),
    { initialValue: 0 },
  );
  protected readonly preview = computed(() => {
    this.changes();
    return toFormFields(this.fields().controls);
  });
  protected readonly problems = computed(() =>
    validateFormFields(this.preview()),
  );

  protected problem(i: number, prop: string): string | null {
    return this.problems()[`fields[${i}].${prop}`] ?? null;
  }

  protected add(): void {
    const taken = new Set(this.preview().map((f) => f.key));
    this.fields().push(
      fieldGroup(this.fb, {
        key: keyFromLabel('New question', taken),
        label: 'New question',
      }),
    );
  }

  protected labelChanged(i: number): void {
    const group = this.fields().at(i);
    // Keys follow the label until the form is first saved with them, then stay stable for answers.
    const savedKeys = new Set(
      (this.programme().form?.fields ?? []).map((f) => f.key),
    );
    if (savedKeys.has(group.controls.key.value)) return;
    const taken = new Set(
      this.preview()
        .filter((_, j) => j !== i)
        .map((f) => f.key),
    );
    group.controls.key.setValue(
      keyFromLabel(group.controls.label.value, taken),
    );
  }

  protected move(i: number, by: -1 | 1): void {
    const array = this.fields();
    const j = i + by;
    if (j < 0 || j >= array.length) return;
    const control = array.at(i);
    array.removeAt(i);
    array.insert(j, control);
  }

  protected remove(i: number): void {
    this.fields().removeAt(i);
  }

  protected isChoice(i: number): boolean {
    const type = this.fields().at(i).controls.type.value;
    return type === 'single_choice' || type === 'multi_choice';
  }

  protected typeOf(i: number): string {
    return this.fields().at(i).controls.type.value;
  }

  protected save(): void {
    if (Object.keys(this.problems()).length > 0) {
      this.fields().markAllAsTouched();
      this.notifier.error('Fix the highlighted questions before saving.');
      return;
    }
    this.saving.set(true);
    this.api
      .saveForm(this.programme().id, { fields: this.preview() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.notifier.info(`Form saved as version ${saved.form?.version}.`);
          this.saved.emit(saved);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.serverErrors.apply(this.form(), error);
        },
      });
  }
}
