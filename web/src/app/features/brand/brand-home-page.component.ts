import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { EmptyCard, EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';

@Component({
  selector: 'app-brand-home-page',
  imports: [EmptyStateComponent, MatButton, PageHeaderComponent, RouterLink],
  template: `
    <app-page-header heading="Dashboard" subtitle="How your advocacy programme is doing, at a glance." />
    <div class="grid">
      @if (isAdmin()) {
        <app-empty-state
          icon="person-add"
          heading="Bring in your team"
          message="Invite programme managers and brand colleagues so they can run the programme with you."
          data-testid="empty-team"
        >
          <a matButton="tonal" routerLink="/brand/admin/users">Manage users</a>
        </app-empty-state>
      }
      @for (card of cards; track card.testId) {
        <app-empty-state
          [icon]="card.icon"
          [heading]="card.heading"
          [message]="card.message"
          [attr.data-testid]="card.testId"
        />
      }
    </div>
  `,
  styleUrl: '../../shared/ui/card-grid.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BrandHomePageComponent {
  private readonly role = inject(AuthService).role;

  protected readonly isAdmin = computed(() => this.role() === 'admin');

  protected readonly cards: readonly EmptyCard[] = [
    {
      icon: 'chart',
      heading: 'Net Promoter Score',
      message: 'No NPS responses yet. Once responses are imported, the score appears here with its sample size and 95% interval.',
      testId: 'empty-nps',
    },
    {
      icon: 'account-circle',
      heading: 'Segments',
      message: 'Customers are grouped into promoters, passives and detractors as survey answers arrive.',
      testId: 'empty-segments',
    },
    {
      icon: 'link',
      heading: 'Referrals',
      message: 'No referral programme is open yet. Clicks, sign-ups and qualified referrals will be tracked here.',
      testId: 'empty-referrals',
    },
    {
      icon: 'gift',
      heading: 'Rewards',
      message: 'Rewards waiting for approval or payout will be listed here.',
      testId: 'empty-rewards',
    },
    {
      icon: 'chat',
      heading: 'Stories to review',
      message: 'Testimonials and photos submitted by advocates will wait here for moderation.',
      testId: 'empty-ugc',
    },
  ];
}
