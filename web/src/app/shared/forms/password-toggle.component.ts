import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** Show/hide button for a password field; place it in the field with `matIconSuffix`. */
@Component({
  selector: 'app-password-toggle',
  imports: [MatIconButton, MatIcon],
  template: `
    <button
      matIconButton
      type="button"
      [attr.aria-label]="visible() ? 'Hide password' : 'Show password'"
      [attr.aria-pressed]="visible()"
      (click)="visible.set(!visible())"
    >
      <mat-icon [svgIcon]="visible() ? 'visibility-off' : 'visibility'" />
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordToggleComponent {
  readonly visible = model(false);
}
