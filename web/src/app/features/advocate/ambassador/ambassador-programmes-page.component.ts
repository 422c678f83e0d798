import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { STATE_LABELS, applicantView } from './applicant-view';

/** Every programme the advocate may join or has applied to, with where they stand. */
@Component({
  selector: 'app-ambassador-programmes-page',
  imports: [
    EmptyStateComponent,
    MatButton,
    MatProgressBar,
    PageHeaderComponent,
    RouterLink,
  ],
  template: `
    <app-page-header
      heading="Become an ambassador"
      subtitle="Join the brand's inner circle: perks, early access and a direct line to the team."
    />
    @if (programmes.loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <ul class="list" data-testid="ambassador-programmes">
      @for (p of programmes.value() ?? []; track p.id) {
        <li class="card">
          <div>
            <h2>{{ p.name }}</h2>
            <p class="muted">{{ p.description }}</p>
          </div>
          <div class="side">
            <span class="chip">{{ status(p) }}</span>
            <a
              matButton="filled"
              [routerLink]="['/advocate/ambassador', p.id]"
              data-testid="ambassador-open"
              >{{ action(p) }}</a
            >
          </div>
        </li>
      }
    </ul>
    @if (!programmes.loading() && (programmes.value() ?? []).length === 0) {
      <app-empty-state
        icon="verified"
        heading="No programme is open right now"
        message="When the brand opens an ambassador programme, you'll find it here."
      />
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 880px;
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 0;
      margin: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 16px;
      padding: 20px 24px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-large);
    }
    .muted {
      margin: 0;
      max-width: 56ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .side {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      justify-content: space-between;
      gap: 12px;
    }
    .chip {
      padding: 4px 12px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorProgrammesPageComponent {
  private readonly api = inject(AmbassadorsApi);

  protected readonly programmes = loadOnChange(signal(null), () =>
    this.api.mine(),
  );

  protected status(p: Parameters<typeof applicantView>[0]): string {
    const view = applicantView(p);
    if (view === 'ambassador') return 'You are an ambassador';
    if (view === 'status' && p.application)
      return STATE_LABELS[p.application.state];
    if (view === 'ineligible') return 'Not eligible yet';
    if (view === 'closed') return 'Closed';
    return p.application?.state === 'draft' ? 'Draft saved' : 'Open';
  }

  protected action(p: Parameters<typeof applicantView>[0]): string {
    const view = applicantView(p);
    if (view === 'ambassador') return 'Perks and training';
    if (view === 'status') return 'See status';
    if (view === 'form')
      return p.application?.state === 'draft' ? 'Continue' : 'Apply';
    return 'Details';
  }
}
