import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatSuffix,
  MatLabel,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { InviteCreated, InviteStaffRequest } from '@advocacy/shared';
import { UsersApi } from '../../../../core/api/users-api';
import { ROLE_LABELS } from '../../../../core/auth/role-labels';
import { Notifier } from '../../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../../shared/forms/server-errors.service';

type StaffRole = InviteStaffRequest['role'];

/** Closes with `true` once an invite was created, so the list can reload. */
@Component({
  selector: 'app-invite-dialog',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatSuffix,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './invite-dialog.component.html',
  styleUrl: './invite-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteDialogComponent {
  private readonly usersApi = inject(UsersApi);
  private readonly dialogRef =
    inject<MatDialogRef<InviteDialogComponent, boolean>>(MatDialogRef);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly baseUri = inject(DOCUMENT).baseURI;

  protected readonly staffRoles: readonly StaffRole[] = [
    'manager',
    'brand',
    'admin',
  ];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    role: ['manager' as StaffRole, Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly created = signal<InviteCreated | null>(null);
  /** The server may answer with a path; an admin needs a link they can paste anywhere. */
  protected readonly inviteLink = computed(() => {
    const invite = this.created();
    return invite ? new URL(invite.inviteUrl, this.baseUri).href : '';
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.usersApi
      .invite(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invite) => {
          // The link is shown only once, so it must not vanish on a stray click outside.
          this.dialogRef.disableClose = true;
          this.created.set(invite);
          this.submitting.set(false);
        },
        error: (error: unknown) => {
          this.serverErrors.apply(this.form, error);
          this.submitting.set(false);
        },
      });
  }

  protected copy(): void {
    if (this.clipboard.copy(this.inviteLink()))
      this.notifier.info('Invite link copied.');
    else
      this.notifier.error(
        'Could not copy. Select the link and copy it by hand.',
      );
  }

  protected done(): void {
    this.dialogRef.close(true);
  }
}
