/**
 * The reports micro-benchmark (`report.bench.ts`, a colleague's) exports `benchReports()`. It is
 * loaded by name at run time so that the bench runs, and says so, while that file is not there yet.
 */
const reportBenchModule = './report.bench';

export async function runReportsBench(): Promise<Record<string, unknown>> {
  const module: unknown = await import(reportBenchModule);
  const bench = (module as { benchReports?: unknown }).benchReports;
  if (typeof bench !== 'function') throw new Error('test/bench/report.bench.ts exports no benchReports()');
  const result: unknown = await (bench as () => unknown)();
  if (typeof result !== 'object' || result === null) throw new Error('benchReports() returned no figures');
  return result as Record<string, unknown>;
}
