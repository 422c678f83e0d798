import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
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
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  CONSENT_SCOPE_LABELS,
  CONSENT_SCOPES,
  DisplayNameChoice,
  UGC_TEXT_MAX,
  UgcOpenCampaign,
  displayNameFor,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import {
  addImages,
  splitServerErrors,
  toSubmissionFormData,
} from './ugc-submission-form';

const atLeastOne = (group: AbstractControl): ValidationErrors | null =>
  Object.values(group.value as Record<string, boolean>).some(Boolean)
    ? null
    : { server: 'choose at least one place we may show it' };

/** Words, stars, photos and links plus scoped consent; used in the portal and on public links. */
@Component({
  selector: 'app-ugc-submission-form',
  imports: [
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
    MatRadioButton,
    MatRadioGroup,
    ReactiveFormsModule,
  ],
  templateUrl: './ugc-submission-form.component.html',
  styleUrl: './ugc-submission-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UgcSubmissionFormComponent {
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  readonly campaign = input.required<UgcOpenCampaign>();
  /** Public links ask for a name and email; the portal knows them. */
  readonly withContact = input(false);
  /** The name the display-name choice is previewed with. */
  readonly previewName = input('Alex Morgan');
  readonly send = input.required<(form: FormData) => Observable<unknown>>();
  readonly sent = output<void>();

  protected readonly scopes = CONSENT_SCOPES;
  protected readonly scopeLabels = CONSENT_SCOPE_LABELS;
  protected readonly textMax = UGC_TEXT_MAX;
  protected readonly stars = [1, 2, 3, 4, 5];
  protected readonly names: DisplayNameChoice[] = [
    'full',
    'first_initial',
    'anonymous',
  ];
  protected readonly images = signal<File[]>([]);
  protected readonly imageProblems = signal<string[]>([]);
  protected readonly submitting = signal(false);
  protected readonly failure = signal<string | null>(null);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    text: ['', [Validators.maxLength(UGC_TEXT_MAX)]],
    rating: [null as number | null],
    videoUrl: [''],
    socialUrl: [''],
    scopes: this.fb.group(
      { website: true, social: false, ads: false },
      { validators: atLeastOne },
    ),
    displayName: ['first_initial' as DisplayNameChoice],
    expiresOn: [''],
    name: [''],
    email: [''],
  });

  protected nameAs(choice: DisplayNameChoice): string {
    const typed = this.form.controls.name.value.trim();
    return displayNameFor(typed || this.previewName(), choice);
  }

  protected rate(stars: number): void {
    const current = this.form.controls.rating.value;
    this.form.controls.rating.setValue(current === stars ? null : stars);
  }

  protected pick(event: Event): void {
    const target = event.target as HTMLInputElement;
    const result = addImages(this.images(), Array.from(target.files ?? []));
    this.images.set(result.files);
    this.imageProblems.set(result.problems);
    target.value = '';
  }

  protected removeImage(index: number): void {
    this.images.update((files) => files.filter((_, i) => i !== index));
  }

  protected submit(): void {
    this.failure.set(null);
    if (this.withContact()) {
      this.form.controls.name.setValidators([Validators.required]);
      this.form.controls.email.setValidators([
        Validators.required,
        Validators.email,
      ]);
      this.form.controls.name.updateValueAndValidity();
      this.form.controls.email.updateValueAndValidity();
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const body = toSubmissionFormData(this.form.getRawValue(), this.images(), {
      campaignId: this.withContact() ? undefined : this.campaign().id,
      withContact: this.withContact(),
    });
    this.send()(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          this.sent.emit();
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.showError(error);
        },
      });
  }

  private showError(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.failure.set('Something went wrong. Please try again.');
      return;
    }
    const { imageProblems, controls } = splitServerErrors(
      error.fieldErrors,
      this.images(),
    );
    if (imageProblems.length > 0) this.imageProblems.set(imageProblems);
    if (Object.keys(controls).length > 0)
      this.serverErrors.apply(
        this.form,
        new ApiError(error.status, error.code, error.message, controls),
      );
    if (!error.hasFieldErrors) this.failure.set(error.message);
  }
}
