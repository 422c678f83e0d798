import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PageEvent } from '@angular/material/paginator';
import { provideAppIcons } from '../../core/icons/app-icons';
import { ListStatesComponent } from './list-states.component';

@Component({
  imports: [ListStatesComponent],
  template: `<app-list-states
    testId="things"
    [loading]="loading()"
    [failed]="failed()"
    [empty]="empty()"
    [filtered]="filtered()"
    icon="group"
    errorHeading="Things could not be loaded"
    filteredHeading="No things match these filters"
    filteredMessage="Try another name."
    emptyHeading="No things yet"
    emptyMessage="Add the first thing."
    [total]="total()"
    [pageIndex]="0"
    [pageSize]="10"
    [pageSizeOptions]="[10, 25]"
    pagesLabel="Thing pages"
    (retry)="retries = retries + 1"
    (clearFilters)="clears = clears + 1"
    (page)="pages.push($event)"
  >
    @if (!empty()) {
      <p data-testid="things-table">rows</p>
    }
  </app-list-states>`,
})
class HostComponent {
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly empty = signal(true);
  readonly filtered = signal(false);
  readonly total = signal(0);
  retries = 0;
  clears = 0;
  readonly pages: PageEvent[] = [];
}

interface State {
  loading?: boolean;
  failed?: boolean;
  empty?: boolean;
  filtered?: boolean;
  total?: number;
}

async function render(state: State) {
  TestBed.configureTestingModule({ providers: [provideAppIcons()] });
  const fixture = TestBed.createComponent(HostComponent);
  const host = fixture.componentInstance;
  host.loading.set(state.loading ?? false);
  host.failed.set(state.failed ?? false);
  host.empty.set(state.empty ?? true);
  host.filtered.set(state.filtered ?? false);
  host.total.set(state.total ?? 0);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = async (button: HTMLElement | null | undefined) => {
    if (!button) throw new Error('no button to click');
    button.click();
    await fixture.whenStable();
  };
  return { fixture, host, root, el, click };
}

describe('ListStatesComponent', () => {
  it('shows only the loading bar while the first page loads', async () => {
    const { el } = await render({ loading: true });
    expect(el('things-loading')).not.toBeNull();
    expect(el('things-empty')).toBeNull();
    expect(el('things-error')).toBeNull();
    expect(el('things-paginator')).toBeNull();
  });

  it('offers a retry when loading failed and emits it on click', async () => {
    const { el, host, click } = await render({ failed: true, filtered: true });
    const error = el('things-error');
    expect(error?.textContent).toContain('Things could not be loaded');
    expect(error?.textContent).toContain(
      'Check your connection and try again.',
    );
    expect(el('things-empty')).toBeNull();

    await click(error?.querySelector('button'));
    expect(host.retries).toBe(1);
    expect(host.clears).toBe(0);
  });

  it('keeps the rows from before a failed reload instead of the error', async () => {
    const { el } = await render({ failed: true, empty: false, total: 3 });
    expect(el('things-table')).not.toBeNull();
    expect(el('things-error')).toBeNull();
    expect(el('things-empty')).toBeNull();
  });

  it('offers to clear the filters when nothing matches them', async () => {
    const { el, host, click } = await render({ filtered: true });
    const empty = el('things-empty');
    expect(empty?.textContent).toContain('No things match these filters');
    expect(empty?.textContent).toContain('Try another name.');

    await click(empty?.querySelector('button'));
    expect(host.clears).toBe(1);
    expect(host.retries).toBe(0);
  });

  it('explains the first use without filters, with no action', async () => {
    const { el } = await render({});
    const empty = el('things-empty');
    expect(empty?.textContent).toContain('No things yet');
    expect(empty?.textContent).toContain('Add the first thing.');
    expect(empty?.querySelector('button')).toBeNull();
    expect(el('things-loading')).toBeNull();
  });

  it('shows the rows and pages through them', async () => {
    const { el, host, click } = await render({ empty: false, total: 25 });
    expect(el('things-table')).not.toBeNull();
    expect(el('things-empty')).toBeNull();
    const paginator = el('things-paginator');
    expect(paginator?.getAttribute('aria-label')).toBe('Thing pages');

    await click(
      paginator?.querySelector<HTMLElement>(
        '.mat-mdc-paginator-navigation-next',
      ),
    );
    expect(host.pages).toEqual([
      expect.objectContaining({ pageIndex: 1, previousPageIndex: 0 }),
    ]);
  });
});
