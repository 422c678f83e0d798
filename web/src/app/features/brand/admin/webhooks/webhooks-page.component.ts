import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, WebhookEndpointWithSecret } from '@advocacy/shared';
import { WebhooksApi } from '../../../../core/api/webhooks-api';
import { loadOnChange } from '../../../../core/data/load-on-change';
import { ListStatesComponent } from '../../../../shared/ui/list-states.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header.component';
import { EndpointDialogComponent } from './endpoint-dialog.component';
import {
  SecretDialogComponent,
  SecretDialogData,
} from './secret-dialog.component';

@Component({
  selector: 'app-webhooks-page',
  imports: [
    DatePipe,
    ListStatesComponent,
    MatButton,
    MatIcon,
    MatTableModule,
    PageHeaderComponent,
    RouterLink,
  ],
  templateUrl: './webhooks-page.component.html',
  styleUrl: './webhooks-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPageComponent {
  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly columns = [
    'endpoint',
    'events',
    'recent',
    'status',
    'createdAt',
  ];
  protected readonly pageSizeOptions = [10, 25, 50];
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly endpoints = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.api.list(query),
  );
  protected readonly rows = computed(() => this.endpoints.value()?.items ?? []);
  protected readonly total = computed(() => this.endpoints.value()?.total ?? 0);

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected openCreate(): void {
    this.dialog
      .open<EndpointDialogComponent, void, WebhookEndpointWithSecret>(
        EndpointDialogComponent,
        { width: '560px', maxWidth: '95vw' },
      )
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.dialog
          .open<SecretDialogComponent, SecretDialogData>(
            SecretDialogComponent,
            {
              width: '560px',
              maxWidth: '95vw',
              disableClose: true,
              data: {
                title: 'Endpoint added',
                secret: created.secret,
                previousValidUntil: null,
              },
            },
          )
          .afterClosed()
          .subscribe(() =>
            this.router.navigate(['/brand/admin/webhooks', created.id]),
          );
      });
  }
}
