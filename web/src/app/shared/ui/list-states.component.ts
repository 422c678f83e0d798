import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { AppIcon } from '../../core/icons/app-icons';
import { EmptyStateComponent } from './empty-state.component';

/**
 * What a paged list shows around its table: a loading bar, then either the projected table or one
 * of the error, no-match and first-use cards, then the paginator. The page keeps the table itself
 * behind its own `@if`, because projected content is created whether or not it is shown.
 */
@Component({
  selector: 'app-list-states',
  imports: [EmptyStateComponent, MatButton, MatPaginator, MatProgressBar],
  template: `
    <div class="progress">
      @if (loading()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.data-testid]="testId() + '-loading'"
        />
      }
    </div>

    <ng-content />

    @if (empty()) {
      @if (failed()) {
        <app-empty-state
          [class.centered]="centered()"
          [icon]="icon()"
          [heading]="errorHeading()"
          message="Check your connection and try again."
          [attr.data-testid]="testId() + '-error'"
        >
          <button matButton="tonal" type="button" (click)="retry.emit()">
            Try again
          </button>
        </app-empty-state>
      } @else if (!loading()) {
        @if (filtered()) {
          <app-empty-state
            [class.centered]="centered()"
            icon="search"
            [heading]="filteredHeading()"
            [message]="filteredMessage()"
            [attr.data-testid]="testId() + '-empty'"
          >
            <button
              matButton="tonal"
              type="button"
              (click)="clearFilters.emit()"
            >
              Clear filters
            </button>
          </app-empty-state>
        } @else {
          <app-empty-state
            [class.centered]="centered()"
            [icon]="icon()"
            [heading]="emptyHeading()"
            [message]="emptyMessage()"
            [attr.data-testid]="testId() + '-empty'"
          />
        }
      }
    }

    @if (total() > 0) {
      <mat-paginator
        [length]="total()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="pageSizeOptions()"
        (page)="page.emit($event)"
        [attr.aria-label]="pagesLabel()"
        [attr.data-testid]="testId() + '-paginator'"
      />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .progress {
      height: 4px;
    }
    app-empty-state {
      margin: 24px;
    }
    mat-paginator {
      --mat-paginator-container-background-color: transparent;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStatesComponent {
  /** Prefix of the test ids: `<testId>-loading`, `-error`, `-empty` and `-paginator`. */
  readonly testId = input.required<string>();
  readonly loading = input.required<boolean>();
  readonly failed = input.required<boolean>();
  /** True when the current page has no rows; the table is then hidden and a card explains why. */
  readonly empty = input.required<boolean>();
  /** True when a filter is set, so an empty list offers to clear them instead of the first-use text. */
  readonly filtered = input(false);
  /** Shown on the error and first-use cards; the no-match card always shows the search icon. */
  readonly icon = input.required<AppIcon>();
  readonly errorHeading = input.required<string>();
  readonly filteredHeading = input('');
  readonly filteredMessage = input('');
  readonly emptyHeading = input.required<string>();
  readonly emptyMessage = input.required<string>();
  readonly centered = input(false, { transform: booleanAttribute });

  readonly total = input.required<number>();
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageSizeOptions = input.required<readonly number[]>();
  readonly pagesLabel = input.required<string>();

  readonly retry = output();
  readonly clearFilters = output();
  readonly page = output<PageEvent>();
}
