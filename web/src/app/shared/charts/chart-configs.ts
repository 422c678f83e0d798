import { ChartConfiguration } from 'chart.js';
import { PRIMARY, PRIMARY_BAND, seriesColor } from './chart-colors';

export interface BandPoint {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Drawn hollow: too few answers to trust. */
  weak: boolean;
}

/** A line with its interval as a shaded band; weak points are hollow. */
export function lineWithBand(
  points: BandPoint[],
  options: { name: string; min?: number; max?: number },
): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        {
          label: '95% interval (high)',
          data: points.map((p) => p.high),
          borderWidth: 0,
          pointRadius: 0,
          backgroundColor: PRIMARY_BAND,
          fill: '+1',
        },
        {
          label: '95% interval (low)',
          data: points.map((p) => p.low),
          borderWidth: 0,
          pointRadius: 0,
          fill: false,
        },
        {
          label: options.name,
          data: points.map((p) => p.value),
          borderColor: PRIMARY,
          backgroundColor: points.map((p) => (p.weak ? '#ffffff' : PRIMARY)),
          pointBorderColor: PRIMARY,
          pointRadius: points.map((p) => (p.weak ? 5 : 4)),
          pointBorderWidth: 2,
          borderWidth: 2.5,
          tension: 0.25,
          fill: false,
        },
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: { filter: (item) => item.datasetIndex === 2 },
      },
      scales: {
        y: {
          min: options.min,
          max: options.max,
          grid: { color: 'rgba(0,0,0,0.06)' },
        },
        x: { grid: { display: false } },
      },
    },
  };
}

/** One bar per label, each with its own colour. */
export function barChart(
  labels: string[],
  values: number[],
  colors: string[],
  name: string,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: name,
          data: values,
          backgroundColor: colors,
          borderRadius: 4,
          maxBarThickness: 48,
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        y: {
          beginAtZero: true,
          ticks: { precision: 0 },
          grid: { color: 'rgba(0,0,0,0.06)' },
        },
        x: { grid: { display: false } },
      },
    },
  };
}

export interface StackSeries {
  name: string;
  values: number[];
  color?: string;
}

/** Bars split into stacked series; `horizontal` suits long category names. */
export function stackedBar(
  labels: string[],
  series: StackSeries[],
  horizontal = false,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.name,
        data: s.values,
        backgroundColor: s.color ?? seriesColor(i),
        borderRadius: 2,
        maxBarThickness: 36,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
      },
      scales: {
        x: {
          stacked: true,
          grid: { display: horizontal },
          ticks: { precision: 0 },
        },
        y: {
          stacked: true,
          grid: { display: !horizontal },
          ticks: { precision: 0 },
        },
      },
    },
  };
}

export function donutChart(
  labels: string[],
  values: number[],
  colors?: string[],
): ChartConfiguration<'doughnut'> {
  return {
    type: 'doughnut',
    data: {
      labels,
      datasets: [
        {
          data: values,
          backgroundColor: colors ?? labels.map((_, i) => seriesColor(i)),
          borderWidth: 2,
          borderColor: '#ffffff',
        },
      ],
    },
    options: {
      cutout: '62%',
      plugins: {
        legend: { position: 'right', labels: { boxWidth: 12, boxHeight: 12 } },
      },
    },
  };
}
