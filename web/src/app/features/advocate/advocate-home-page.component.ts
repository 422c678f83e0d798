import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import {
  EmptyCard,
  EmptyStateComponent,
} from '../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { SurveyCardComponent } from './survey-card/survey-card.component';

@Component({
  selector: 'app-advocate-home-page',
  imports: [
    EmptyStateComponent,
    MatButton,
    PageHeaderComponent,
    RouterLink,
    SurveyCardComponent,
  ],
  template: `
    <app-page-header
      [heading]="greeting()"
      subtitle="This is your advocacy home. Everything you share, earn and submit will show up here."
    />
    <app-survey-card />
    <div class="grid">
      <app-empty-state
        icon="link"
        heading="Your referral link"
        message="Share your link, QR code or your own code with friends, and see how many clicked."
        data-testid="home-share-card"
      >
        <a
          matButton="filled"
          routerLink="/advocate/share"
          data-testid="home-share-open"
          >Open Share</a
        >
      </app-empty-state>
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
export class AdvocateHomePageComponent {
  private readonly user = inject(AuthService).user;

  protected readonly greeting = computed(() => {
    const firstName = this.user()?.name.trim().split(/\s+/)[0];
    return firstName ? `Welcome, ${firstName}` : 'Welcome';
  });

  protected readonly cards: readonly EmptyCard[] = [
    {
      icon: 'group',
      heading: 'Referrals',
      message:
        'Friends who use your link will be listed here, with where each one stands.',
      testId: 'empty-referrals',
    },
    {
      icon: 'gift',
      heading: 'Rewards',
      message:
        'Rewards you earn will appear here, with when each one becomes available to claim.',
      testId: 'empty-rewards',
    },
    {
      icon: 'star',
      heading: 'Ambassador programme',
      message:
        'When the brand opens its ambassador programme, you can apply here.',
      testId: 'empty-ambassador',
    },
    {
      icon: 'chat',
      heading: 'Your stories',
      message:
        'When a campaign is running, you can share a testimonial, photo or video here.',
      testId: 'empty-content',
    },
  ];
}
