import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { Role } from '@advocacy/shared';
import { ROLE_LABELS } from '../../core/auth/role-labels';

@Component({
  selector: 'app-role-badge',
  template: '{{ label() }}',
  host: { '[class]': '"role-" + role()', 'data-testid': 'role-badge' },
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.role-admin) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.role-advocate) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleBadgeComponent {
  readonly role = input.required<Role>();
  protected readonly label = computed(() => ROLE_LABELS[this.role()]);
}
