import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { ProgrammeReward, describeReward } from '@advocacy/shared';

/** What an advocate sees at the top of a share card; also the manager's live preview. */
@Component({
  selector: 'app-share-offer',
  template: `
    <h2 data-testid="offer-name">{{ name() || 'Untitled programme' }}</h2>
    <p class="offer" data-testid="offer-text">{{ offer() }}</p>
  `,
  styles: `
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-large);
    }
    .offer {
      margin: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShareOfferComponent {
  readonly name = input.required<string>();
  readonly referrerReward = input.required<ProgrammeReward>();
  readonly friendReward = input<ProgrammeReward | null>(null);

  protected readonly offer = computed(() => {
    const mine = describeReward(this.referrerReward());
    const friend = this.friendReward();
    return friend
      ? `Your friend gets ${describeReward(friend)} on their first order, and you get ${mine} when it qualifies.`
      : `You get ${mine} for each friend whose first order qualifies.`;
  });
}
