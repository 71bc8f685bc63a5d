/**
 * One entry point for `tematik reliability`: any statistic on reliability
 * data the researcher brings, with its bootstrap interval.
 */
import { brennanPrediger, cohenKappa, fleissKappa, holsti, percentAgreement, scottPi } from './agreementStatistics';
import { bootstrapUnits } from './bootstrap';
import { krippendorffAlpha, type Level } from './krippendorff';
import type { Ratings } from './ratings';

export const metrics = ['percent', 'holsti', 'cohen', 'cohen-linear', 'cohen-quadratic', 'scott', 'fleiss', 'brennan-prediger', 'krippendorff'] as const;
export type Metric = (typeof metrics)[number];
export const levels: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export interface ReliabilityResult {
  metric: Metric;
  /** Krippendorff's α only; null for the others. */
  level: Level | null;
  value: number | null;
  ci: [number, number] | null;
  units: number;
  coders: number;
}

export function statistic(metric: Metric, options: { level?: Level; categories?: number } = {}): (ratings: Ratings) => number {
  switch (metric) {
    case 'percent':
      return percentAgreement;
    case 'holsti':
      return holsti;
    case 'cohen':
      return (r) => cohenKappa(r, 'none');
    case 'cohen-linear':
      return (r) => cohenKappa(r, 'linear');
    case 'cohen-quadratic':
      return (r) => cohenKappa(r, 'quadratic');
    case 'scott':
      return scottPi;
    case 'fleiss':
      return fleissKappa;
    case 'brennan-prediger':
      return (r) => brennanPrediger(r, options.categories);
    case 'krippendorff':
      return (r) => krippendorffAlpha(r, options.level ?? 'nominal');
  }
}

export function reliability(ratings: Ratings, metric: Metric, options: { level?: Level; categories?: number; samples?: number } = {}): ReliabilityResult {
  const compute = statistic(metric, options);
  const value = compute(ratings);
  return {
    metric,
    level: metric === 'krippendorff' ? (options.level ?? 'nominal') : null,
    value: Number.isFinite(value) ? value : null,
    ci: Number.isFinite(value) ? bootstrapUnits(ratings, compute, options.samples) : null,
    units: ratings.length,
    coders: ratings[0]?.length ?? 0,
  };
}
