import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
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
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { PasswordToggleComponent } from '../../shared/forms/password-toggle.component';
import { ServerErrors } from '../../shared/forms/server-errors.service';
import { AuthLayoutComponent } from './auth-layout.component';

@Component({
  selector: 'app-join-page',
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
  templateUrl: './join-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JoinPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly passwordRule = `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; common passwords are refused`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email]],
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
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.auth
      .join(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => void this.router.navigateByUrl(ROLE_HOME[user.role]),
        error: (error: unknown) => {
          this.serverErrors.apply(this.form, error);
          this.submitting.set(false);
        },
      });
  }
}
