import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Clipboard } from '@angular/cdk/clipboard';
import { UgcCampaignSummary, describeUgcReward } from '@advocacy/shared';
import { UgcApi } from '../../../core/api/ugc-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { CampaignDialogComponent } from './campaign-dialog.component';

@Component({
  selector: 'app-ugc-campaigns-panel',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
  ],
  template: `
    <div class="toolbar">
      <button
        matButton="filled"
        type="button"
        (click)="open(null)"
        data-testid="campaign-new"
      >
        <mat-icon svgIcon="add" /> New campaign
      </button>
    </div>
    <div class="progress">
      @if (campaigns.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>
    @if (rows().length > 0) {
      <div class="table-scroll">
        <table mat-table [dataSource]="rows()" data-testid="campaigns-table">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Campaign</th>
            <td mat-cell *matCellDef="let c">
              <div class="name">{{ c.name }}</div>
              <div class="muted">
                {{ c.startsAt | date: 'mediumDate' }} –
                {{ c.endsAt ? (c.endsAt | date: 'mediumDate') : 'open-ended' }}
                @if (c.hashtags.length) {
                  · #{{ c.hashtags.join(' #') }}
                }
              </div>
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>Status</th>
            <td mat-cell *matCellDef="let c">
              <span class="status" [class]="'status status-' + c.status">{{
                c.status
              }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="reward">
            <th mat-header-cell *matHeaderCellDef>Reward</th>
            <td mat-cell *matCellDef="let c" class="muted">
              {{ c.reward ? describe(c.reward) : 'None' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="counts">
            <th mat-header-cell *matHeaderCellDef>Submissions</th>
            <td mat-cell *matCellDef="let c">
              {{ c.submissionCount }}
              @if (c.pendingCount) {
                <span class="muted">({{ c.pendingCount }} waiting)</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef>
              <span class="cdk-visually-hidden">Actions</span>
            </th>
            <td mat-cell *matCellDef="let c" class="actions">
              @if (c.publicPath) {
                <button
                  matButton
                  type="button"
                  (click)="copyLink(c)"
                  data-testid="campaign-copy-link"
                >
                  Copy public link
                </button>
              }
              <button matButton type="button" (click)="open(c)">Edit</button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
      <mat-paginator
        [length]="campaigns.value()?.total ?? 0"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[10, 25, 50]"
        (page)="changePage($event)"
        aria-label="Campaign pages"
      />
    } @else if (!campaigns.loading()) {
      <app-empty-state
        icon="format-quote"
        heading="No campaign yet"
        message="Create a campaign to ask advocates for stories, photos and reviews."
      />
    }
  `,
  styleUrl: './ugc-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UgcCampaignsPanelComponent {
  private readonly api = inject(UgcApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly clipboard = inject(Clipboard);

  protected readonly columns = [
    'name',
    'status',
    'reward',
    'counts',
    'actions',
  ];
  protected readonly describe = describeUgcReward;
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly campaigns = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.api.campaigns(query),
  );
  protected readonly rows = computed(() => this.campaigns.value()?.items ?? []);

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected copyLink(campaign: UgcCampaignSummary): void {
    this.clipboard.copy(`${location.origin}${campaign.publicPath}`);
    this.notifier.info('Public link copied.');
  }

  protected open(campaign: UgcCampaignSummary | null): void {
    this.dialog
      .open<
        CampaignDialogComponent,
        UgcCampaignSummary | null,
        UgcCampaignSummary
      >(CampaignDialogComponent, {
        data: campaign,
        width: '880px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(`${saved.name} is saved.`);
        this.campaigns.reload();
      });
  }
}
