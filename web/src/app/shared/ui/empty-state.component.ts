import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { AppIcon } from '../../core/icons/app-icons';

/** Content of one placeholder card, for pages that list several. */
export interface EmptyCard {
  icon: AppIcon;
  heading: string;
  message: string;
  testId: string;
}

/** A card that says honestly what will appear here and when. */
@Component({
  selector: 'app-empty-state',
  imports: [MatIcon],
  template: `
    <div class="icon"><mat-icon [svgIcon]="icon()" aria-hidden="true" /></div>
    <h2>{{ heading() }}</h2>
    <p>{{ message() }}</p>
    <ng-content />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      padding: 24px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    :host(.centered) {
      align-items: center;
      text-align: center;
    }
    .icon {
      display: grid;
      place-items: center;
      width: 48px;
      height: 48px;
      border-radius: 50%;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    h2 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyStateComponent {
  readonly icon = input.required<AppIcon>();
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
}
