import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatError,
  MatFormField,
  MatHint,
  MatSuffix,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLE_HOME,
} from '@advocacy/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { PasswordToggleComponent } from '../../shared/forms/password-toggle.component';
import { ServerErrors } from '../../shared/forms/server-errors.service';
import { AuthLayoutComponent } from './auth-layout.component';

@Component({
  selector: 'app-accept-invite-page',
  imports: [
    AuthLayoutComponent,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatSuffix,
    MatInput,
    MatLabel,
    PasswordToggleComponent,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './accept-invite-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitePageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  /** From the `?token=` of the invite link. */
  readonly token = input<string>();

  protected readonly passwordRule = `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; common passwords are refused`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
  });
  protected readonly submitting = signal(false);
  protected readonly showPassword = signal(false);

  protected submit(): void {
    const token = this.token();
    if (!token) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.auth
      .acceptInvite({ token, password: this.form.controls.password.value })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => {
          this.notifier.info(`Welcome aboard, ${user.name}.`);
          void this.router.navigateByUrl(ROLE_HOME[user.role]);
        },
        error: (error: unknown) => {
          this.serverErrors.apply(this.form, error);
          this.submitting.set(false);
        },
      });
  }
}
