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
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  CONSENT_SCOPE_LABELS,
  UgcOpenCampaign,
  UgcSubmissionView,
} from '@advocacy/shared';
import { filter, switchMap } from 'rxjs';
import { UgcApi } from '../../../core/api/ugc-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
} from '../../brand/surveys/confirm-dialog.component';
import { UgcSubmissionFormComponent } from './ugc-submission-form.component';

export const STATUS_WORDS: Record<UgcSubmissionView['status'], string> = {
  pending: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Not approved',
};

/** Open campaigns to share a story with, and everything this advocate has shared. */
@Component({
  selector: 'app-my-ugc-page',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatPaginator,
    MatProgressBar,
    PageHeaderComponent,
    UgcSubmissionFormComponent,
  ],
  templateUrl: './my-ugc-page.component.html',
  styleUrl: './my-ugc-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyUgcPageComponent {
  private readonly api = inject(UgcApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly statusWords = STATUS_WORDS;
  protected readonly scopeLabels = CONSENT_SCOPE_LABELS;
  protected readonly campaigns = loadOnChange(signal(null), () =>
    this.api.openCampaigns(),
  );
  protected readonly active = signal<UgcOpenCampaign | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly submissions = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.api.mine(query),
  );
  protected readonly rows = computed(
    () => this.submissions.value()?.items ?? [],
  );
  protected readonly send = (form: FormData) => this.api.submit(form);

  protected start(campaign: UgcOpenCampaign): void {
    this.active.set(campaign);
  }

  protected sent(): void {
    this.notifier.info('Thank you! The team will review what you shared.');
    this.active.set(null);
    this.pageIndex.set(0);
    this.submissions.reload();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected scopesOf(item: UgcSubmissionView): string {
    return item.consent.scopes.map((s) => this.scopeLabels[s]).join(', ');
  }

  protected revoke(item: UgcSubmissionView): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
        ConfirmDialogComponent,
        {
          data: {
            title: 'Withdraw your consent?',
            message:
              'Your content will be taken off every page and widget within a minute. This cannot be undone; you can always share again.',
            confirm: 'Withdraw consent',
            danger: true,
          },
          maxWidth: '95vw',
          width: '460px',
        },
      )
      .afterClosed()
      .pipe(
        filter((ok) => ok === true),
        switchMap(() => this.api.revokeConsent(item.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.notifier.info(
          'Consent withdrawn. It is no longer shown anywhere.',
        );
        this.submissions.reload();
      });
  }
}
