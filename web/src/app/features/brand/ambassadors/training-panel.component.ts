import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';

/** Training modules with the share of current ambassadors who completed each. */
@Component({
  selector: 'app-training-panel',
  imports: [
    EmptyStateComponent,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
  ],
  template: `
    <div class="grid">
      <section aria-label="Modules">
        <ol class="modules" data-testid="training-modules">
          @for (m of modules.value() ?? []; track m.id) {
            <li class="card">
              <div class="top">
                <h3>{{ m.position }}. {{ m.title }}</h3>
                <span class="rate" data-testid="completion-rate"
                  >{{ m.completionRate }}%</span
                >
              </div>
              <p class="muted">
                {{ m.summary }} · {{ m.estimatedMinutes }} min
              </p>
              <mat-progress-bar
                mode="determinate"
                [value]="m.completionRate ?? 0"
                [attr.aria-label]="m.title + ' completion'"
              />
              <p class="muted">
                Completed by {{ m.completions }}
                {{ m.completions === 1 ? 'ambassador' : 'ambassadors' }}
              </p>
            </li>
          } @empty {
            @if (!modules.loading()) {
              <app-empty-state
                icon="school"
                heading="No training yet"
                message="Add short modules: what the programme asks, how to disclose, how to post."
              />
            }
          }
        </ol>
      </section>
      <section class="card add" aria-label="Add a module">
        <h3>Add a module</h3>
        <form [formGroup]="form" (ngSubmit)="create()">
          <mat-form-field class="full">
            <mat-label>Title</mat-label>
            <input matInput formControlName="title" />
            <mat-error
              ><app-field-error [control]="form.controls.title" label="Title"
            /></mat-error>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>Summary</mat-label>
            <input matInput formControlName="summary" />
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>Content</mat-label>
            <textarea matInput rows="5" formControlName="content"></textarea>
            <mat-error
              ><app-field-error
                [control]="form.controls.content"
                label="Content"
            /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Minutes</mat-label>
            <input
              matInput
              type="number"
              min="1"
              formControlName="estimatedMinutes"
            />
            <mat-error
              ><app-field-error
                [control]="form.controls.estimatedMinutes"
                label="Minutes"
            /></mat-error>
          </mat-form-field>
          <div>
            <button matButton="filled" type="submit" [disabled]="saving()">
              Add module
            </button>
          </div>
        </form>
      </section>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 999.98px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
    .modules {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
      h3 {
        margin: 0;
        font: var(--mat-sys-title-medium);
      }
    }
    .add {
      background: var(--mat-sys-surface-container-low);
      h3 {
        margin-bottom: 8px;
      }
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
    }
    .rate {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
    }
    .muted {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrainingPanelComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  readonly programmeId = input.required<string>();

  protected readonly modules = loadOnChange(this.programmeId, (id) =>
    this.api.training(id),
  );
  protected readonly saving = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: '',
    summary: '',
    content: '',
    estimatedMinutes: 5,
  });

  protected create(): void {
    this.saving.set(true);
    this.api
      .createModule(this.programmeId(), {
        ...this.form.getRawValue(),
        estimatedMinutes: Number(this.form.getRawValue().estimatedMinutes),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (m) => {
          this.saving.set(false);
          this.form.reset();
          this.notifier.info(`${m.title} added.`);
          this.modules.reload();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.serverErrors.apply(this.form, error);
        },
      });
  }
}
