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
  MatSuffix,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ROLE_HOME } from '@advocacy/shared';
import { ApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { PasswordToggleComponent } from '../../shared/forms/password-toggle.component';
import { ServerErrors } from '../../shared/forms/server-errors.service';
import { AuthLayoutComponent } from './auth-layout.component';
import { safeReturnUrl } from './safe-return-url';

@Component({
  selector: 'app-login-page',
  imports: [
    AuthLayoutComponent,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatSuffix,
    MatInput,
    MatLabel,
    PasswordToggleComponent,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './login-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  /** Set by the guard that sent the visitor here. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly showPassword = signal(false);
  /** Wrong credentials concern the whole form, not one field. */
  protected readonly formError = signal<string | null>(null);

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.auth
      .login(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) =>
          void this.router.navigateByUrl(
            safeReturnUrl(this.returnUrl()) ?? ROLE_HOME[user.role],
          ),
        error: (error: unknown) => {
          this.serverErrors.apply(this.form, error);
          if (error instanceof ApiError && error.status === 401)
            this.formError.set(error.message);
          this.submitting.set(false);
        },
      });
  }
}
