import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChartConfiguration } from 'chart.js';
import { barChart, donutChart, lineWithBand } from './chart-configs';
import { ChartComponent } from './chart.component';

interface FakeChart {
  config: { type: string };
  data: unknown;
  options: unknown;
  update: jest.Mock;
  destroy: jest.Mock;
}

const created: FakeChart[] = [];

// jsdom has no canvas, so the chart.js constructor is replaced by a recorder.
jest.mock('chart.js', () => {
  const actual = jest.requireActual('chart.js');
  class Chart {
    static register = jest.fn();
    config: { type: string };
    data: unknown;
    options: unknown;
    update = jest.fn();
    destroy = jest.fn();
    constructor(_canvas: unknown, config: ChartConfiguration) {
      this.config = { type: config.type };
      this.data = config.data;
      this.options = config.options;
      created.push(this as unknown as FakeChart);
    }
  }
  return { ...actual, Chart };
});

@Component({
  imports: [ChartComponent],
  template: `@if (shown()) {
    <app-chart [config]="config()" label="Test chart" />
  }`,
})
class HostComponent {
  readonly shown = signal(true);
  readonly config = signal<ChartConfiguration>(
    barChart(['a', 'b'], [1, 2], ['red', 'blue'], 'Count'),
  );
}

describe('ChartComponent', () => {
  beforeEach(() => (created.length = 0));

  it('draws, redraws on a new config, rebuilds on a new type and cleans up', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    expect(created).toHaveLength(1);
    expect(created[0].config.type).toBe('bar');
    expect((created[0].options as { responsive: boolean }).responsive).toBe(
      true,
    );
    expect(
      fixture.nativeElement.querySelector('canvas').getAttribute('aria-label'),
    ).toBe('Test chart');

    fixture.componentInstance.config.set(
      barChart(['a'], [5], ['red'], 'Count'),
    );
    await fixture.whenStable();
    expect(created).toHaveLength(1);
    expect(created[0].update).toHaveBeenCalled();
    expect((created[0].data as { labels: string[] }).labels).toEqual(['a']);

    fixture.componentInstance.config.set(donutChart(['x'], [1]));
    await fixture.whenStable();
    expect(created).toHaveLength(2);
    expect(created[0].destroy).toHaveBeenCalled();

    fixture.componentInstance.shown.set(false);
    await fixture.whenStable();
    expect(created[1].destroy).toHaveBeenCalled();
  });
});

describe('lineWithBand', () => {
  it('fills between the interval bounds and draws weak points hollow', () => {
    const config = lineWithBand(
      [
        { label: 'Jan', value: 40, low: 30, high: 50, weak: false },
        { label: 'Feb', value: 10, low: -20, high: 35, weak: true },
      ],
      { name: 'NPS' },
    );
    const [high, low, line] = config.data.datasets;
    expect(high.data).toEqual([50, 35]);
    expect(high.fill).toBe('+1');
    expect(low.data).toEqual([30, -20]);
    expect(line.data).toEqual([40, 10]);
    expect(line.backgroundColor).toEqual(['#6750a4', '#ffffff']);
  });
});
