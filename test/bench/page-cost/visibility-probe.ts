import type { BenchServer } from './bench-server';
import { startBareChromium } from './chromium-process';
import { writeFloorExtension } from './floor-extension';
import type { ListenerPlan } from './listener-plan';

/** What one listener plan saw of the probe's requests: `event METHOD path` -> headers seen. */
export type Sightings = Readonly<Record<string, { readonly headers: number | null; readonly origin: boolean }>>;

/** Passes of the probe page before giving up on a listener plan that reports nothing. */
const MAX_PASSES = 5;

/**
 * Runs the probe page (a passing preflighted PUT, a CORS-blocked GET, a PUT whose preflight fails)
 * under an extension registering `plan` with counting listeners, and returns what they saw: which
 * events arrive for the preflights and the blocked requests, with how many headers. The report
 * returned is the first made after an earlier one: the extension clears its tally at each report,
 * so that one covers a whole pass seen by a running worker (the first may come from a worker that
 * started mid-pass, or, on a loaded machine, from one that missed the first pass's end).
 */
export async function probeVisibility(server: BenchServer, name: string, plan: ListenerPlan): Promise<Sightings | undefined> {
  if (plan.length === 0) return {};
  const session = `probe-${name}`;
  const extension = await writeFloorExtension(session, plan, `${server.pageOrigin}/probe?s=${session}`);
  const browser = await startBareChromium(server.pageUrl(session), extension.dir);
  try {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const before = server.probeReports(session).length;
      await server.run(session, { kind: 'probe', count: 3, concurrency: 1, delayMs: 0 });
      for (let waited = 0; waited < 5_000 && server.probeReports(session).length === before; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      const reports = server.probeReports(session);
      if (reports.length >= 2) return reports[1] as Sightings;
    }
    return undefined;
  } finally {
    await browser.close();
    await extension.remove();
  }
}

/** What `variant` no longer sees that `reference` saw, as short lines ("-onHeadersReceived GET probe-get-blocked"). */
export function lostSightings(reference: Sightings, variant: Sightings): string[] {
  const lost: string[] = [];
  for (const [key, seen] of Object.entries(reference)) {
    const other = variant[key];
    if (other === undefined) lost.push(`-${key}`);
    else if (other.headers !== seen.headers) lost.push(`${key}: ${seen.headers ?? 'no'} -> ${other.headers ?? 'no'} headers`);
    else if (seen.origin && !other.origin) lost.push(`${key}: no Origin`);
  }
  return lost;
}
