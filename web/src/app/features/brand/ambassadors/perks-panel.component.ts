import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormsModule, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { PerkKind, PerkRequest, PerkView } from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';

const KIND_LABELS: Record<PerkKind, string> = {
  code: 'Exclusive codes',
  early_access: 'Early access',
  reward: 'Reward (wallet)',
};

/** Perks: add one, import codes for code perks, and watch how many codes are left. */
@Component({
  selector: 'app-perks-panel',
  imports: [
    DatePipe,
    EmptyStateComponent,
    FieldErrorComponent,
    FormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  template: `
    <div class="grid">
      <section class="list" aria-label="Perks">
        @for (perk of perks.value() ?? []; track perk.id) {
          <article class="card" data-testid="perk-row">
            <div class="kind">{{ kinds[perk.kind] }}</div>
            <h3>{{ perk.title }}</h3>
            <p class="muted">{{ perk.description }}</p>
            @if (perk.startsAt || perk.endsAt) {
              <p class="muted">
                {{ perk.startsAt | date: 'd MMM y' }} –
                {{ perk.endsAt | date: 'd MMM y' }}
              </p>
            }
            @if (perk.reward; as r) {
              <p class="muted">
                Grants
                {{
                  r.type === 'points'
                    ? r.amount + ' points'
                    : (r.amount / 100).toFixed(2) +
                      ' ' +
                      r.currency +
                      ' store credit'
                }}
              </p>
            }
            @if (perk.kind === 'code') {
              <p [class.low]="(perk.codesLeft ?? 0) < 5">
                <strong>{{ perk.codesLeft }}</strong> codes left
              </p>
              @if (importing() === perk.id) {
                <mat-form-field class="full">
                  <mat-label
                    >Codes (one per line, or a one-column CSV)</mat-label
                  >
                  <textarea
                    matInput
                    rows="4"
                    [(ngModel)]="codes"
                    data-testid="perk-codes-input"
                  ></textarea>
                </mat-form-field>
                <div class="actions">
                  <button matButton type="button" (click)="importing.set(null)">
                    Cancel
                  </button>
                  <button
                    matButton="filled"
                    type="button"
                    (click)="importCodes(perk)"
                    [disabled]="!codes.trim()"
                  >
                    Import
                  </button>
                </div>
              } @else {
                <button
                  matButton="tonal"
                  type="button"
                  (click)="importing.set(perk.id)"
                  data-testid="perk-import"
                >
                  Import codes
                </button>
              }
            }
          </article>
        } @empty {
          @if (!perks.loading()) {
            <app-empty-state
              icon="gift"
              heading="No perks yet"
              message="Give ambassadors something special: personal codes, early access or a reward."
            />
          }
        }
      </section>
      <section class="card add" aria-label="Add a perk">
        <h3>Add a perk</h3>
        <form [formGroup]="form" (ngSubmit)="create()">
          <mat-form-field class="full">
            <mat-label>Kind</mat-label>
            <mat-select formControlName="kind">
              @for (k of kindKeys; track k) {
                <mat-option [value]="k">{{ kinds[k] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>Title</mat-label>
            <input matInput formControlName="title" />
            <mat-error
              ><app-field-error [control]="form.controls.title" label="Title"
            /></mat-error>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>Description</mat-label>
            <textarea
              matInput
              rows="2"
              formControlName="description"
            ></textarea>
          </mat-form-field>
          <div class="two">
            <mat-form-field>
              <mat-label>Starts</mat-label>
              <input matInput type="date" formControlName="startsAt" />
              <mat-error
                ><app-field-error
                  [control]="form.controls.startsAt"
                  label="Start"
              /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Ends</mat-label>
              <input matInput type="date" formControlName="endsAt" />
              <mat-error
                ><app-field-error [control]="form.controls.endsAt" label="End"
              /></mat-error>
            </mat-form-field>
          </div>
          @if (kind() === 'early_access') {
            <mat-form-field class="full">
              <mat-label>Link</mat-label>
              <input matInput formControlName="link" placeholder="https://" />
              <mat-error
                ><app-field-error [control]="form.controls.link" label="Link"
              /></mat-error>
            </mat-form-field>
          }
          @if (kind() === 'reward') {
            <div class="two">
              <mat-form-field>
                <mat-label>Points</mat-label>
                <input
                  matInput
                  type="number"
                  min="1"
                  formControlName="points"
                />
                <mat-hint>Granted through the rewards ledger</mat-hint>
                <mat-error
                  ><app-field-error
                    [control]="form.controls.points"
                    label="Points"
                /></mat-error>
              </mat-form-field>
            </div>
          }
          <button matButton="filled" type="submit" [disabled]="saving()">
            Add perk
          </button>
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
    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 12px;
    }
    .card {
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
      h3 {
        margin: 0 0 4px;
        font: var(--mat-sys-title-medium);
      }
      p {
        margin: 4px 0;
      }
    }
    .add {
      background: var(--mat-sys-surface-container-low);
    }
    .kind {
      font: var(--mat-sys-label-medium);
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--mat-sys-primary);
    }
    .muted {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .low {
      color: var(--mat-sys-error);
    }
    .full {
      width: 100%;
    }
    .two {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PerksPanelComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  readonly programmeId = input.required<string>();

  protected readonly kinds = KIND_LABELS;
  protected readonly kindKeys = Object.keys(KIND_LABELS) as PerkKind[];
  protected readonly perks = loadOnChange(this.programmeId, (id) =>
    this.api.perks(id),
  );
  protected readonly importing = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected codes = '';

  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: 'code' as PerkKind,
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    link: '',
    points: 500,
  });
  private readonly kindValue = signal<PerkKind>('code');
  protected readonly kind = computed(() => this.kindValue());

  constructor() {
    this.form.controls.kind.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((kind) => this.kindValue.set(kind));
  }

  protected create(): void {
    const v = this.form.getRawValue();
    const body: PerkRequest = {
      kind: v.kind,
      title: v.title,
      description: v.description,
      startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : null,
      endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : null,
      link: v.kind === 'early_access' && v.link ? v.link : null,
      reward:
        v.kind === 'reward'
          ? { type: 'points', amount: Number(v.points), currency: null }
          : null,
    };
    this.saving.set(true);
    this.api
      .createPerk(this.programmeId(), body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (perk: PerkView) => {
          this.saving.set(false);
          this.form.reset({ kind: v.kind, points: 500 });
          this.notifier.info(`${perk.title} added.`);
          this.perks.reload();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.serverErrors.apply(this.form, error);
        },
      });
  }

  protected importCodes(perk: PerkView): void {
    this.api
      .importCodes(perk.id, this.codes)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        this.codes = '';
        this.importing.set(null);
        this.notifier.info(
          `${result.added} codes added${result.duplicates ? `, ${result.duplicates} duplicates skipped` : ''}; ${result.codesLeft} left.`,
        );
        this.perks.reload();
      });
  }
}
