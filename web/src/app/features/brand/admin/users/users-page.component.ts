import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import {
  MatFormField,
  MatLabel,
  MatPrefix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { DEFAULT_PAGE_SIZE, ROLES, Role, UserSummary } from '@advocacy/shared';
import { debounceTime, distinctUntilChanged, finalize, map, tap } from 'rxjs';
import { UsersApi } from '../../../../core/api/users-api';
import { AuthService } from '../../../../core/auth/auth.service';
import { ROLE_LABELS } from '../../../../core/auth/role-labels';
import { loadOnChange } from '../../../../core/data/load-on-change';
import { Notifier } from '../../../../core/notify/notifier.service';
import { ListStatesComponent } from '../../../../shared/ui/list-states.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header.component';
import { RoleBadgeComponent } from '../../../../shared/ui/role-badge.component';
import { InviteDialogComponent } from './invite-dialog.component';
import { USER_STATUS_LABELS, statusOf } from './user-status';

const WIDE_COLUMNS = [
  'user',
  'role',
  'status',
  'lastLoginAt',
  'createdAt',
  'enabled',
];
// On phones the status moves under the email, leaving room for the toggle.
const NARROW_COLUMNS = ['user', 'enabled'];

@Component({
  selector: 'app-users-page',
  imports: [
    DatePipe,
    ListStatesComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    MatSelect,
    MatSlideToggle,
    MatTableModule,
    MatTooltip,
    PageHeaderComponent,
    ReactiveFormsModule,
    RoleBadgeComponent,
  ],
  templateUrl: './users-page.component.html',
  styleUrl: './users-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent {
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly me = inject(AuthService).user;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly pageSizeOptions = [10, 25, 50, 100];

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly roleFilter = new FormControl<Role | ''>('', {
    nonNullable: true,
  });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  /** Ids whose enable/disable request is still in flight. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(300),
      map((text) => text.trim()),
      distinctUntilChanged(),
      tap(() => this.pageIndex.set(0)),
    ),
    { initialValue: '' },
  );
  private readonly role = toSignal(
    this.roleFilter.valueChanges.pipe(tap(() => this.pageIndex.set(0))),
    {
      initialValue: '' as const,
    },
  );

  protected readonly users = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      q: this.q(),
      role: this.role() || undefined,
    })),
    (query) => this.usersApi.list(query),
  );
  protected readonly rows = computed(() =>
    (this.users.value()?.items ?? []).map((user) => {
      const status = statusOf(user);
      return { ...user, status, statusLabel: USER_STATUS_LABELS[status] };
    }),
  );
  protected readonly total = computed(() => this.users.value()?.total ?? 0);
  protected readonly filtered = computed(
    () => this.q() !== '' || this.role() !== '',
  );
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 899.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly columns = computed(() =>
    this.narrow() ? NARROW_COLUMNS : WIDE_COLUMNS,
  );

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected clearFilters(): void {
    this.search.setValue('');
    this.roleFilter.setValue('');
  }

  protected openInvite(): void {
    this.dialog
      .open<InviteDialogComponent, void, boolean>(InviteDialogComponent, {
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((invited) => {
        if (invited) this.users.reload();
      });
  }

  protected setEnabled(user: UserSummary, enabled: boolean): void {
    this.pending.update((ids) => new Set(ids).add(user.id));
    this.usersApi
      .update(user.id, { disabled: !enabled })
      .pipe(
        finalize(() =>
          this.pending.update((ids) => {
            const next = new Set(ids);
            next.delete(user.id);
            return next;
          }),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.notifier.info(
            enabled
              ? `${user.name} can sign in again.`
              : `${user.name} can no longer sign in.`,
          );
          this.users.reload();
        },
        // Reloading puts the toggle back to what the server holds.
        error: () => this.users.reload(),
      });
  }
}
