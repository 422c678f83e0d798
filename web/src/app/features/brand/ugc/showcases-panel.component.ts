import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Clipboard } from '@angular/cdk/clipboard';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { CONSENT_SCOPE_LABELS, UgcShowcaseSummary } from '@advocacy/shared';
import { UgcApi } from '../../../core/api/ugc-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { ShowcaseDialogComponent } from './showcase-dialog.component';

@Component({
  selector: 'app-ugc-showcases-panel',
  imports: [
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatPaginator,
    MatProgressBar,
  ],
  template: `
    <div class="toolbar">
      <button
        matButton="filled"
        type="button"
        (click)="open(null)"
        data-testid="showcase-new"
      >
        <mat-icon svgIcon="add" /> New showcase
      </button>
    </div>
    <div class="progress">
      @if (showcases.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>
    @if (rows().length > 0) {
      <div class="cards">
        @for (s of rows(); track s.id) {
          <article class="card" data-testid="showcase-card">
            <div class="card-head">
              <h3>{{ s.name }}</h3>
              <span class="status" [class.status-active]="s.published">{{
                s.published ? 'Published' : 'Draft'
              }}</span>
            </div>
            <p class="muted">
              {{ s.visibleCount }} of {{ s.submissionIds.length }} shown now ·
              feed and widget: {{ scopeLabels[s.scope] }}
            </p>
            @if (s.description) {
              <p>{{ s.description }}</p>
            }
            <label class="muted" [for]="'embed-' + s.id"
              >Embed on any site</label
            >
            <textarea
              class="snippet"
              [id]="'embed-' + s.id"
              readonly
              rows="2"
              [value]="s.embedSnippet"
            ></textarea>
            <div class="actions">
              @if (s.published) {
                <a
                  matButton
                  [href]="s.publicPath"
                  target="_blank"
                  rel="noopener"
                  >Open page</a
                >
                <a matButton [href]="s.feedUrl" target="_blank" rel="noopener"
                  >JSON feed</a
                >
              }
              <button matButton type="button" (click)="copy(s.embedSnippet)">
                Copy embed code
              </button>
              <button matButton="tonal" type="button" (click)="open(s)">
                Edit
              </button>
            </div>
          </article>
        }
      </div>
      <mat-paginator
        [length]="showcases.value()?.total ?? 0"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[10, 25, 50]"
        (page)="changePage($event)"
        aria-label="Showcase pages"
      />
    } @else if (!showcases.loading()) {
      <app-empty-state
        icon="photo-library"
        heading="No showcase yet"
        message="Pick approved stories, put them in order and publish them as a page, a widget or a feed."
      />
    }
  `,
  styleUrl: './ugc-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UgcShowcasesPanelComponent {
  private readonly api = inject(UgcApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly clipboard = inject(Clipboard);

  protected readonly scopeLabels = CONSENT_SCOPE_LABELS;
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly showcases = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.api.showcases(query),
  );
  protected readonly rows = computed(() => this.showcases.value()?.items ?? []);

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected copy(text: string): void {
    this.clipboard.copy(text);
    this.notifier.info('Embed code copied.');
  }

  protected open(showcase: UgcShowcaseSummary | null): void {
    this.dialog
      .open<
        ShowcaseDialogComponent,
        UgcShowcaseSummary | null,
        UgcShowcaseSummary
      >(ShowcaseDialogComponent, {
        data: showcase,
        width: '1000px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(`${saved.name} is saved.`);
        this.showcases.reload();
      });
  }
}
