import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
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
import { MatSlideToggle } from '@angular/material/slide-toggle';
import {
  CONSENT_SCOPE_LABELS,
  CONSENT_SCOPES,
  ConsentScope,
  UgcModerationItem,
  UgcShowcaseSummary,
} from '@advocacy/shared';
import { map } from 'rxjs';
import { UgcApi } from '../../../core/api/ugc-api';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { moveItem, slugify } from './showcase-order';

/** Create or edit a showcase: details, then approved submissions picked and ordered by hand. */
@Component({
  selector: 'app-showcase-dialog',
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
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSlideToggle,
    ReactiveFormsModule,
  ],
  templateUrl: './showcase-dialog.component.html',
  styleUrl: './ugc-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShowcaseDialogComponent {
  private readonly api = inject(UgcApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef =
    inject<MatDialogRef<ShowcaseDialogComponent, UgcShowcaseSummary>>(
      MatDialogRef,
    );
  protected readonly existing = inject<UgcShowcaseSummary | null>(
    MAT_DIALOG_DATA,
    {
      optional: true,
    },
  );

  protected readonly scopes = CONSENT_SCOPES;
  protected readonly scopeLabels = CONSENT_SCOPE_LABELS;
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [
      this.existing?.name ?? '',
      [Validators.required, Validators.maxLength(120)],
    ],
    slug: [this.existing?.slug ?? '', [Validators.required]],
    description: [this.existing?.description ?? ''],
    scope: [this.existing?.scope ?? ('website' as ConsentScope)],
    published: [this.existing?.published ?? true],
  });
  protected readonly chosen = signal<string[]>(
    this.existing?.submissionIds ?? [],
  );
  protected readonly approved = toSignal(
    this.api
      .queue({ status: 'approved', page: 1, pageSize: 100 })
      .pipe(map((page) => page.items)),
    { initialValue: [] as UgcModerationItem[] },
  );
  private readonly byId = computed(
    () => new Map(this.approved().map((item) => [item.id, item])),
  );
  protected readonly chosenItems = computed(() =>
    this.chosen().map((id) => ({ id, item: this.byId().get(id) ?? null })),
  );
  protected readonly available = computed(() =>
    this.approved().filter((item) => !this.chosen().includes(item.id)),
  );

  protected fillSlug(): void {
    if (!this.form.controls.slug.value)
      this.form.controls.slug.setValue(slugify(this.form.controls.name.value));
  }

  protected add(id: string): void {
    this.chosen.update((ids) => [...ids, id]);
  }

  protected remove(id: string): void {
    this.chosen.update((ids) => ids.filter((other) => other !== id));
  }

  protected move(index: number, delta: -1 | 1): void {
    this.chosen.update((ids) => moveItem(ids, index, delta));
  }

  protected summary(item: UgcModerationItem): string {
    return (
      item.excerpt ?? item.text ?? item.videoUrl ?? item.socialUrl ?? '(photos)'
    );
  }

  protected submit(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const value = this.form.getRawValue();
    this.api
      .saveShowcase(this.existing?.id ?? null, {
        ...value,
        name: value.name.trim(),
        submissionIds: this.chosen(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => {
          this.saving.set(false);
          this.serverErrors.apply(this.form, error);
        },
      });
  }
}
