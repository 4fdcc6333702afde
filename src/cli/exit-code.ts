import type { HarAnalysis } from '../har/index';
import type { FailLevel } from './parse-args';

export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * 1 when a request failed CORS (the core's verdict, or a block the file does not explain);
 * with `--fail-on warning` also when a CORS warning was found or the file was incomplete
 * (skipped entries, a truncated file, missing preflights). 0 otherwise.
 */
export function exitCodeOf(analysis: HarAnalysis, failOn: FailLevel): number {
  const failed = analysis.unexplained.length > 0 || analysis.exchanges.some((e) => e.diagnosis?.verdict.ok === false);
  if (failed) return EXIT_FOUND;
  if (failOn === 'error') return EXIT_OK;
  const warned = analysis.warnings.length > 0 || analysis.skipped.length > 0 || analysis.exchanges.some((e) => (e.diagnosis?.verdict.warnings.length ?? 0) > 0);
  return warned ? EXIT_FOUND : EXIT_OK;
}
