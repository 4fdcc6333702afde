/** Median, min and max of a sample: how every ratio and timing of the bench is reported. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
}

/** The p-th percentile of an ascending sample, interpolated between neighbours. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (at - low);
}

/** Ratios of paired samples (round by round), so that a round slowed by the machine slows both sides. */
export function ratios(numerators: readonly number[], denominators: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(numerators.length, denominators.length); i++) {
    const n = numerators[i];
    const d = denominators[i];
    if (n !== undefined && d !== undefined && d > 0) out.push(n / d);
  }
  return out;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatSpread(s: Spread, digits = 2, unit = ''): string {
  if (s.n === 0) return 'n/a';
  if (s.n === 1) return `${s.median.toFixed(digits)}${unit}`;
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}-${s.max.toFixed(digits)})`;
}
