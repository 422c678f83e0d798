import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SegmentNpsCategory } from '@advocacy/shared';

/** A customer's segment, tinted by the NPS category behind it so promoters look the same everywhere. */
@Component({
  selector: 'app-segment-chip',
  template: '{{ name() }}',
  host: {
    '[class]': '"chip cat-" + (category() ?? "unknown")',
    'data-testid': 'segment-chip',
  },
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.cat-promoter) {
      background: color-mix(in srgb, #1b873f 14%, transparent);
      color: #136c30;
    }
    :host(.cat-passive) {
      background: color-mix(in srgb, #b58a00 18%, transparent);
      color: #7a5d00;
    }
    :host(.cat-detractor) {
      background: color-mix(in srgb, #c62828 13%, transparent);
      color: #a31f1f;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentChipComponent {
  readonly name = input.required<string>();
  readonly category = input<SegmentNpsCategory | null>(null);
}
