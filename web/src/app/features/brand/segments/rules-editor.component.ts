import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MatError,
  MatFormField,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import {
  ADVOCACY_LEVELS,
  DEFAULT_SEGMENT_RULES,
  NPS_CATEGORIES_WITH_UNKNOWN,
  SEGMENT_MAX_COUNT,
  SegmentRules,
  SegmentRulesPreview,
  SegmentRulesView,
} from '@advocacy/shared';
import {
  catchError,
  debounceTime,
  filter,
  finalize,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { SegmentsApi } from '../../../core/api/segments-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import {
  keyFromName,
  rulesForm,
  rulesFromForm,
  segmentForm,
} from './segment-rules-form';

const CATEGORY_LABELS: Record<string, string> = {
  promoter: 'Promoter',
  passive: 'Passive',
  detractor: 'Detractor',
  unknown: 'Not surveyed',
};
const LEVEL_LABELS: Record<string, string> = {
  passive: 'Passive',
  active: 'Active',
  ambassador: 'Ambassador',
};

/** Windows, thresholds and ordered named segments, with the sizes they would give before saving. */
@Component({
  selector: 'app-rules-editor',
  imports: [
    DecimalPipe,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    MatTooltip,
    ReactiveFormsModule,
  ],
  templateUrl: './rules-editor.component.html',
  styleUrl: './rules-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulesEditorComponent implements OnInit {
  private readonly api = inject(SegmentsApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  readonly view = input.required<SegmentRulesView>();
  readonly saved = output<SegmentRulesView>();

  protected readonly categories = NPS_CATEGORIES_WITH_UNKNOWN;
  protected readonly levels = ADVOCACY_LEVELS;
  protected readonly categoryLabels = CATEGORY_LABELS;
  protected readonly levelLabels = LEVEL_LABELS;
  protected readonly maxSegments = SEGMENT_MAX_COUNT;

  protected readonly form = rulesForm(DEFAULT_SEGMENT_RULES);
  protected readonly preview = signal<SegmentRulesPreview | null>(null);
  protected readonly previewing = signal(false);
  protected readonly previewFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly rows = computed(() => {
    const preview = this.preview();
    if (!preview) return [];
    const keys = [
      ...new Set([
        ...preview.proposed.map((s) => s.key),
        ...preview.current.map((s) => s.key),
      ]),
    ];
    return keys.map((key) => {
      const current = preview.current.find((s) => s.key === key);
      const proposed = preview.proposed.find((s) => s.key === key);
      const before = current?.count ?? 0;
      const after = proposed?.count ?? 0;
      return {
        key,
        name: proposed?.name ?? current?.name ?? key,
        before,
        after,
        delta: after - before,
        gone: !proposed,
      };
    });
  });

  constructor() {
    this.form.valueChanges
      .pipe(
        debounceTime(400),
        filter(() => this.form.valid),
        tap(() => this.previewing.set(true)),
        switchMap(() =>
          this.api.preview(rulesFromForm(this.form)).pipe(
            catchError((error: unknown) => {
              this.serverErrors.apply(this.form, error);
              this.previewFailed.set(true);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((preview) => {
        this.previewing.set(false);
        if (preview) {
          this.previewFailed.set(false);
          this.preview.set(preview);
        }
      });
  }

  ngOnInit(): void {
    this.discard();
  }

  /** Back to the saved rules, without triggering a preview per control. */
  protected discard(): void {
    const rules = this.view().rules;
    const fresh = rulesForm(rules);
    this.segments.clear({ emitEvent: false });
    for (const control of fresh.controls.segments.controls)
      this.segments.push(control, { emitEvent: false });
    const { segments: _segments, ...numbers } = rules;
    this.form.patchValue(numbers, { emitEvent: false });
    this.form.markAsPristine();
    this.runPreview(rules);
  }

  protected get segments() {
    return this.form.controls.segments;
  }

  protected addSegment(): void {
    // New segments go above the catch-all, which must stay last.
    this.segments.insert(
      Math.max(0, this.segments.length - 1),
      segmentForm({ key: '', name: '', npsCategories: ['promoter'] }),
    );
    this.form.markAsDirty();
  }

  protected removeSegment(index: number): void {
    this.segments.removeAt(index);
    this.form.markAsDirty();
  }

  protected move(index: number, by: -1 | 1): void {
    const control = this.segments.at(index);
    this.segments.removeAt(index, { emitEvent: false });
    this.segments.insert(index + by, control);
    this.form.markAsDirty();
  }

  protected suggestKey(index: number): void {
    const group = this.segments.at(index).controls;
    if (!group.key.value) group.key.setValue(keyFromName(group.name.value));
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api
      .saveRules(rulesFromForm(this.form))
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (view) => {
          this.notifier.info('Rules saved. Segments are being recomputed.');
          this.form.markAsPristine();
          this.saved.emit(view);
        },
        error: (error: unknown) => this.serverErrors.apply(this.form, error),
      });
  }

  private runPreview(rules: SegmentRules): void {
    this.previewing.set(true);
    this.api
      .preview(rules)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preview) => {
          this.previewing.set(false);
          this.preview.set(preview);
        },
        error: () => {
          this.previewing.set(false);
          this.previewFailed.set(true);
        },
      });
  }
}
