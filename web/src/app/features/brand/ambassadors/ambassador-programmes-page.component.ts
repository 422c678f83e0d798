import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AmbassadorProgrammeSummary } from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { AuthService } from '../../../core/auth/auth.service';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { ProgrammeSettingsDialogComponent } from './programme-settings-dialog.component';

@Component({
  selector: 'app-ambassador-programmes-page',
  imports: [
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatProgressBar,
    PageHeaderComponent,
    RouterLink,
  ],
  template: `
    <app-page-header
      heading="Ambassadors"
      subtitle="Ambassador programmes: who may apply, the review board, perks and training."
    >
      @if (canManage()) {
        <button
          matButton="filled"
          type="button"
          (click)="create()"
          data-testid="ambassador-programme-new"
        >
          <mat-icon svgIcon="add" />
          New programme
        </button>
      }
    </app-page-header>
    @if (programmes.loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <ul class="list" data-testid="ambassador-programme-list">
      @for (p of programmes.value()?.items ?? []; track p.id) {
        <li>
          <a
            class="card"
            [routerLink]="['/brand/ambassadors', p.id]"
            data-testid="ambassador-programme-card"
          >
            <div class="top">
              <h2>{{ p.name }}</h2>
              <span class="status" [class]="'status status-' + p.status">{{
                p.status
              }}</span>
            </div>
            <p class="muted">{{ p.description }}</p>
            <div class="counts">
              <span
                ><strong>{{ p.counts.submitted + p.counts.inReview }}</strong>
                to review</span
              >
              <span
                ><strong>{{ p.counts.approved }}</strong
                >{{
                  p.capacity !== null ? ' / ' + p.capacity : ''
                }}
                ambassadors</span
              >
              <span
                ><strong>{{ p.counts.waitlisted }}</strong> waitlisted</span
              >
              <span class="muted">/ambassadors/{{ p.slug }}</span>
            </div>
          </a>
        </li>
      }
    </ul>
    @if (
      !programmes.loading() && (programmes.value()?.items ?? []).length === 0
    ) {
      <app-empty-state
        icon="verified"
        heading="No ambassador programme yet"
        message="Create one to invite your happiest customers into an inner circle."
      />
    }
  `,
  styles: `
    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 8px;
      height: 100%;
      box-sizing: border-box;
      padding: 20px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
      color: inherit;
      text-decoration: none;
    }
    .card:hover,
    .card:focus-visible {
      border-color: var(--mat-sys-primary);
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 8px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .muted {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-top: auto;
    }
    .status {
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      text-transform: capitalize;
      background: var(--mat-sys-surface-container-high);
    }
    .status-open {
      background: color-mix(in srgb, #1b873f 14%, transparent);
      color: #136c30;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorProgrammesPageComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly role = inject(AuthService).role;

  protected readonly canManage = computed(
    () => this.role() === 'manager' || this.role() === 'admin',
  );
  protected readonly programmes = loadOnChange(
    signal({ page: 1, pageSize: 100 }),
    (query) => this.api.programmes(query),
  );

  protected create(): void {
    this.dialog
      .open<ProgrammeSettingsDialogComponent, null, AmbassadorProgrammeSummary>(
        ProgrammeSettingsDialogComponent,
        {
          data: null,
          width: '880px',
          maxWidth: '96vw',
        },
      )
      .afterClosed()
      .subscribe((saved) => {
        if (saved) void this.router.navigate(['/brand/ambassadors', saved.id]);
      });
  }
}
