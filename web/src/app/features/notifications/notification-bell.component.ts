import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadge } from '@angular/material/badge';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuTrigger } from '@angular/material/menu';
import { Router } from '@angular/router';
import { NotificationView } from '@advocacy/shared';
import { switchMap, timer } from 'rxjs';
import { NotificationsApi } from '../../core/api/notifications-api';

const POLL_MS = 60_000;

/** The top-bar bell: unread count, and the latest messages in a menu. */
@Component({
  selector: 'app-notification-bell',
  imports: [
    DatePipe,
    MatBadge,
    MatButton,
    MatDivider,
    MatIcon,
    MatIconButton,
    MatMenu,
    MatMenuTrigger,
  ],
  template: `
    <button
      matIconButton
      type="button"
      [matMenuTriggerFor]="menu"
      (menuOpened)="refresh()"
      [attr.aria-label]="
        unread() ? unread() + ' unread notifications' : 'Notifications'
      "
      data-testid="notifications-bell"
    >
      <mat-icon
        svgIcon="notifications"
        [matBadge]="unread() || null"
        matBadgeColor="warn"
        aria-hidden="true"
      />
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="notification-menu">
      <div class="head">
        <span class="title">Notifications</span>
        @if (unread() > 0) {
          <button
            matButton
            type="button"
            (click)="$event.stopPropagation(); readAll()"
            data-testid="notifications-read-all"
          >
            Mark all read
          </button>
        }
      </div>
      <mat-divider />
      @for (item of items(); track item.id) {
        <button
          type="button"
          class="item"
          [class.unread]="!item.readAt"
          (click)="open(item)"
          data-testid="notification-item"
        >
          <span class="item-title">{{ item.title }}</span>
          @if (item.body) {
            <span class="item-body">{{ item.body }}</span>
          }
          <span class="item-time">{{
            item.createdAt | date: 'd MMM, HH:mm'
          }}</span>
        </button>
      } @empty {
        <p class="empty" data-testid="notifications-empty">
          Nothing new. Decisions and updates will appear here.
        </p>
      }
    </mat-menu>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 4px 8px 4px 16px;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .item {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      padding: 10px 16px;
      border: 0;
      border-left: 3px solid transparent;
      background: none;
      text-align: start;
      cursor: pointer;
      color: inherit;
    }
    .item:hover,
    .item:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
    .item.unread {
      border-left-color: var(--mat-sys-primary);
    }
    .item-title {
      font: var(--mat-sys-label-large);
    }
    .item.unread .item-title {
      font-weight: 700;
    }
    .item-body {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .item-time {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      margin: 0;
      padding: 16px;
      max-width: 300px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBellComponent {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly items = signal<NotificationView[]>([]);
  protected readonly unread = signal(0);

  constructor() {
    timer(0, POLL_MS)
      .pipe(
        switchMap(() => this.api.list({ page: 1, pageSize: 8 })),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => this.show(page.items, page.unread));
  }

  protected refresh(): void {
    this.api
      .list({ page: 1, pageSize: 8 })
      .subscribe((page) => this.show(page.items, page.unread));
  }

  protected open(item: NotificationView): void {
    if (!item.readAt)
      this.api.markRead(item.id).subscribe(() => this.refresh());
    if (item.link) void this.router.navigateByUrl(item.link);
  }

  protected readAll(): void {
    this.api.markAllRead().subscribe(() => this.refresh());
  }

  private show(items: NotificationView[], unread: number): void {
    this.items.set(items);
    this.unread.set(unread);
  }
}
