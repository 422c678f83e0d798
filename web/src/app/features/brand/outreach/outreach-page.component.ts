import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  OutreachSendView,
  OutreachTemplateView,
} from '@advocacy/shared';
import { OutreachApi } from '../../../core/api/outreach-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import {
  audienceLabel,
  clickRate,
  describeAudience,
  purposeLabel,
  sendStatusLabel,
} from './outreach-labels';
import { SendDialogComponent } from './send-dialog.component';
import { TemplateDialogComponent } from './template-dialog.component';

/** Sends with their results, and the templates they are made from. */
@Component({
  selector: 'app-outreach-page',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatSlideToggle,
    MatTab,
    MatTabGroup,
    MatTableModule,
    PageHeaderComponent,
    RouterLink,
  ],
  templateUrl: './outreach-page.component.html',
  styleUrl: './outreach-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutreachPageComponent {
  private readonly api = inject(OutreachApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly purposeLabel = purposeLabel;
  protected readonly audienceLabel = audienceLabel;
  protected readonly sendStatusLabel = sendStatusLabel;
  protected readonly describeAudience = describeAudience;
  protected readonly clickRate = clickRate;

  protected readonly sendColumns = [
    'template',
    'audience',
    'status',
    'results',
    'clicks',
  ];
  protected readonly sendPage = signal(0);
  protected readonly sendPageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly sends = loadOnChange(
    computed(() => ({
      page: this.sendPage() + 1,
      pageSize: this.sendPageSize(),
    })),
    (query) => this.api.sends(query),
  );
  protected readonly sendRows = computed(() => this.sends.value()?.items ?? []);

  protected readonly templateColumns = [
    'name',
    'purpose',
    'audience',
    'updated',
    'actions',
  ];
  protected readonly templatePage = signal(0);
  protected readonly templatePageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly showArchived = signal(false);
  protected readonly templates = loadOnChange(
    computed(() => ({
      page: this.templatePage() + 1,
      pageSize: this.templatePageSize(),
      archived: this.showArchived() || undefined,
    })),
    (query) => this.api.templates(query),
  );
  protected readonly templateRows = computed(
    () => this.templates.value()?.items ?? [],
  );

  protected changeSendPage(event: PageEvent): void {
    this.sendPage.set(event.pageIndex);
    this.sendPageSize.set(event.pageSize);
  }

  protected changeTemplatePage(event: PageEvent): void {
    this.templatePage.set(event.pageIndex);
    this.templatePageSize.set(event.pageSize);
  }

  protected toggleArchived(show: boolean): void {
    this.showArchived.set(show);
    this.templatePage.set(0);
  }

  protected editTemplate(template: OutreachTemplateView | null): void {
    this.dialog
      .open<
        TemplateDialogComponent,
        OutreachTemplateView | null,
        OutreachTemplateView
      >(TemplateDialogComponent, {
        data: template,
        width: '1080px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(`${saved.name} is saved.`);
        this.templates.reload();
      });
  }

  protected newSend(template: OutreachTemplateView | null = null): void {
    this.dialog
      .open<SendDialogComponent, OutreachTemplateView | null, OutreachSendView>(
        SendDialogComponent,
        {
          data: template,
          width: '680px',
          maxWidth: '96vw',
        },
      )
      .afterClosed()
      .subscribe((send) => {
        if (!send) return;
        this.notifier.info(
          send.scheduledAt > new Date(Date.now() + 60_000).toISOString()
            ? 'The send is scheduled.'
            : 'The send is on its way.',
        );
        void this.router.navigate(['/brand/outreach/sends', send.id]);
      });
  }

  protected archive(template: OutreachTemplateView, archived: boolean): void {
    const request = archived
      ? this.api.archiveTemplate(template.id)
      : this.api.restoreTemplate(template.id);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.notifier.info(
        archived
          ? `${template.name} is archived.`
          : `${template.name} is restored.`,
      );
      this.templates.reload();
    });
  }
}
