import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { SegmentsApi } from '../../../core/api/segments-api';
import { AuthService } from '../../../core/auth/auth.service';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { seriesColor } from '../../../shared/charts/chart-colors';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { RulesEditorComponent } from './rules-editor.component';

@Component({
  selector: 'app-segments-page',
  imports: [
    DatePipe,
    DecimalPipe,
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatProgressBar,
    PageHeaderComponent,
    RulesEditorComponent,
  ],
  templateUrl: './segments-page.component.html',
  styleUrl: './segments-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentsPageComponent {
  private readonly api = inject(SegmentsApi);
  private readonly notifier = inject(Notifier);
  private readonly role = inject(AuthService).role;

  protected readonly canEdit = computed(
    () => this.role() === 'manager' || this.role() === 'admin',
  );
  protected readonly queued = signal(false);

  protected readonly sizes = loadOnChange(signal(null), () => this.api.sizes());
  protected readonly rules = loadOnChange(signal(null), () => this.api.rules());
  protected readonly bars = computed(() => {
    const sizes = this.sizes.value();
    if (!sizes) return [];
    const largest = Math.max(1, ...sizes.segments.map((s) => s.count));
    return sizes.segments.map((s, i) => ({
      ...s,
      width: (100 * s.count) / largest,
      color: seriesColor(i),
    }));
  });

  protected recompute(): void {
    this.api.recompute().subscribe(() => {
      this.queued.set(true);
      this.notifier.info('Recompute queued. Sizes update in a moment.');
      setTimeout(() => this.sizes.reload(), 3000);
    });
  }

  protected onSaved(): void {
    this.rules.reload();
    setTimeout(() => this.sizes.reload(), 3000);
  }
}
