import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { ShareCardComponent } from './share-card.component';

@Component({
  selector: 'app-share-page',
  imports: [
    EmptyStateComponent,
    MatProgressBar,
    PageHeaderComponent,
    ShareCardComponent,
  ],
  template: `
    <app-page-header
      heading="Share"
      subtitle="Send your link to friends. When their first order qualifies, you both earn the reward."
    />
    @if (referrals.loading() && !referrals.value()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @for (programme of programmes(); track programme.programmeId) {
      <app-share-card [programme]="programme" data-testid="share-card" />
    } @empty {
      @if (!referrals.loading()) {
        <app-empty-state
          icon="link"
          heading="No programme is open yet"
          message="Your referral link will appear here once the brand opens a programme."
          data-testid="share-empty"
        />
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SharePageComponent {
  private readonly api = inject(ReferralsApi);
  protected readonly referrals = loadOnChange(
    computed(() => null),
    () => this.api.my(),
  );
  protected readonly programmes = computed(
    () => this.referrals.value()?.programmes ?? [],
  );
}
