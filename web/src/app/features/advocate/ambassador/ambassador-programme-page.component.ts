import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  FormField,
  MyAmbassadorProgramme,
  PerkView,
  TrainingModuleView,
} from '@advocacy/shared';
import { Subject, debounceTime, filter, switchMap } from 'rxjs';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { ApiError } from '../../../core/api/api-error';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { ApplicationFormComponent } from '../../../shared/application-form/application-form.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { STATE_LABELS, applicantView, statusSteps } from './applicant-view';

const AUTOSAVE_MS = 1500;

@Component({
  selector: 'app-ambassador-programme-page',
  imports: [
    ApplicationFormComponent,
    DatePipe,
    MatButton,
    MatExpansionModule,
    MatIcon,
    MatProgressBar,
    PageHeaderComponent,
    RouterLink,
  ],
  templateUrl: './ambassador-programme-page.component.html',
  styleUrl: './ambassador-programme-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorProgrammePageComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly form = viewChild(ApplicationFormComponent);
  private readonly edits = new Subject<void>();

  protected readonly loaded = loadOnChange(this.id, (id) =>
    this.api.myProgramme(id),
  );
  /** Replaced by each answer from a save, so the page never reloads under the applicant. */
  private readonly latest = signal<MyAmbassadorProgramme | null>(null);
  protected readonly programme = computed(
    () => this.latest() ?? this.loaded.value(),
  );
  protected readonly view = computed(() => {
    const p = this.programme();
    return p ? applicantView(p) : null;
  });
  protected readonly fields = computed<FormField[]>(
    () => this.programme()?.form?.fields ?? [],
  );
  protected readonly steps = computed(() => {
    const state = this.programme()?.application?.state;
    return state ? statusSteps(state) : [];
  });
  protected readonly trainingDone = computed(
    () =>
      (this.programme()?.training ?? []).filter((m) => m.completedAt).length,
  );
  protected readonly labels = STATE_LABELS;
  protected readonly saving = signal(false);
  protected readonly draftSavedAt = signal<Date | null>(null);
  protected readonly submitError = signal<string | null>(null);
  protected readonly confirmingWithdraw = signal(false);

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => this.api.visit(id)),
        takeUntilDestroyed(),
      )
      .subscribe({ error: () => undefined });
    this.edits
      .pipe(
        debounceTime(AUTOSAVE_MS),
        filter(() => this.view() === 'form' && !this.saving()),
        switchMap(() =>
          this.api.saveDraft(this.id(), this.form()?.answers() ?? {}),
        ),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: () => this.draftSavedAt.set(new Date()),
        error: () => undefined,
      });
  }

  protected edited(): void {
    this.edits.next();
  }

  protected saveDraft(): void {
    const form = this.form();
    if (!form) return;
    this.api
      .saveDraft(this.id(), form.answers())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.draftSavedAt.set(new Date());
          this.notifier.info('Draft saved. Come back any time to finish it.');
        },
        error: (error: unknown) => this.serverErrors.apply(form.group(), error),
      });
  }

  protected submit(): void {
    const form = this.form();
    if (!form) return;
    this.submitError.set(null);
    if (!form.check()) {
      this.submitError.set(
        'Some answers need a look — see the highlighted questions.',
      );
      return;
    }
    this.saving.set(true);
    this.api
      .apply(this.id(), form.answers())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (programme) => {
          this.saving.set(false);
          this.latest.set(programme);
          this.notifier.info('Application sent. We’ll let you know here.');
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.serverErrors.apply(form.group(), error);
          if (error instanceof ApiError) this.submitError.set(error.message);
        },
      });
  }

  protected withdraw(): void {
    const id = this.programme()?.application?.id;
    if (!id) return;
    this.api
      .withdraw(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((programme) => {
        this.confirmingWithdraw.set(false);
        this.latest.set(programme);
        this.notifier.info('Your application is withdrawn.');
      });
  }

  protected claim(perk: PerkView): void {
    this.api
      .claimPerk(perk.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((claimed) => {
        this.patch((p) => ({
          ...p,
          perks: p.perks.map((x) => (x.id === claimed.id ? claimed : x)),
        }));
        this.notifier.info(
          claimed.claimed?.code
            ? `Your code: ${claimed.claimed.code}`
            : claimed.kind === 'reward'
              ? 'Added to your rewards wallet.'
              : 'Enjoy your early access!',
        );
      });
  }

  protected complete(module: TrainingModuleView): void {
    this.api
      .completeModule(module.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((done) =>
        this.patch((p) => ({
          ...p,
          training: p.training.map((m) => (m.id === done.id ? done : m)),
        })),
      );
  }

  protected perkOpen(perk: PerkView): boolean {
    const now = Date.now();
    return (
      (!perk.startsAt || Date.parse(perk.startsAt) <= now) &&
      (!perk.endsAt || Date.parse(perk.endsAt) > now)
    );
  }

  protected answerText(value: unknown): string {
    if (Array.isArray(value)) return value.join(', ');
    if (value === true) return 'Yes';
    return String(value);
  }

  private patch(
    change: (p: MyAmbassadorProgramme) => MyAmbassadorProgramme,
  ): void {
    const current = this.programme();
    if (current) this.latest.set(change(current));
  }
}
