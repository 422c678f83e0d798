import { ChartConfiguration } from 'chart.js';
import { CustomerResponseItem, npsCategory } from '@advocacy/shared';
import { CATEGORY_COLORS, PRIMARY } from '../../../shared/charts/chart-colors';

/** NPS answers oldest first, each point coloured by its category. */
export function npsHistoryChart(
  responses: readonly CustomerResponseItem[],
): ChartConfiguration<'line'> | null {
  const points = responses
    .filter((response) => response.kind === 'nps')
    .reverse();
  if (points.length === 0) return null;
  const colors = points.map(
    (point) => CATEGORY_COLORS[npsCategory(point.score)],
  );
  return {
    type: 'line',
    data: {
      labels: points.map((point) => point.respondedAt.slice(0, 10)),
      datasets: [
        {
          label: 'NPS score',
          data: points.map((point) => point.score),
          borderColor: PRIMARY,
          backgroundColor: colors,
          pointBorderColor: colors,
          pointRadius: 5,
          borderWidth: 2,
          tension: 0.2,
          fill: false,
          // Points at 0 and 10 sit on the axis edge and would otherwise be cut in half.
          clip: 8,
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        y: {
          min: 0,
          max: 10,
          ticks: { stepSize: 2 },
          grid: { color: 'rgba(0,0,0,0.06)' },
        },
        x: { grid: { display: false } },
      },
    },
  };
}
