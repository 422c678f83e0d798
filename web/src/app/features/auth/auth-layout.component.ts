import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PRODUCT_NAME } from '../../core/title/portal-title.strategy';

/** The branded frame shared by the sign-in, join and accept-invite pages. */
@Component({
  selector: 'app-auth-layout',
  templateUrl: './auth-layout.component.html',
  styleUrl: './auth-layout.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthLayoutComponent {
  readonly heading = input.required<string>();
  readonly intro = input<string>();
  protected readonly productName = PRODUCT_NAME;
}
