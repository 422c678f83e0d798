import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  DoughnutController,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the portal draws, so the bundle carries no unused chart types.
Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

/** A chart.js canvas that redraws when `config` changes and frees itself with the view. */
@Component({
  selector: 'app-chart',
  template: `<canvas #canvas role="img" [attr.aria-label]="label()"></canvas>`,
  styles: `
    :host {
      position: relative;
      display: block;
      width: 100%;
      min-width: 0;
      height: var(--chart-height, 260px);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly config = input.required<ChartConfiguration>();
  /** What the chart shows, for screen readers (the data is also in a table or text nearby). */
  readonly label = input.required<string>();

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;
  private type: ChartConfiguration['type'] | null = null;

  constructor() {
    afterNextRender(() => this.create(this.config()));
    effect(() => {
      const config = this.config();
      const chart = this.chart;
      if (!chart) return;
      if (this.type !== config.type) {
        chart.destroy();
        this.create(config);
        return;
      }
      chart.data = config.data;
      chart.options = this.withDefaults(config).options ?? {};
      chart.update();
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private create(config: ChartConfiguration): void {
    this.type = config.type;
    this.chart = new Chart(
      this.canvas().nativeElement,
      this.withDefaults(config),
    );
  }

  private withDefaults(config: ChartConfiguration): ChartConfiguration {
    return {
      ...config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        ...config.options,
      },
    } as ChartConfiguration;
  }
}
