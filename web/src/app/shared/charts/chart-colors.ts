/** Category colours used on every chart and badge, so promoters look the same everywhere. */
export const CATEGORY_COLORS = {
  promoter: '#1b873f',
  passive: '#b58a00',
  detractor: '#c62828',
  unknown: '#8a8594',
} as const;

export const PRIMARY = '#6750a4';
export const PRIMARY_BAND = 'rgba(103, 80, 164, 0.16)';

/** Distinct, colour-blind-friendly hues for named series such as segments. */
export const SERIES_COLORS = [
  '#6750a4',
  '#1b873f',
  '#c62828',
  '#e07b00',
  '#b58a00',
  '#8a8594',
  '#0277bd',
  '#ad1457',
  '#00897b',
  '#5d4037',
  '#3949ab',
  '#7cb342',
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}
