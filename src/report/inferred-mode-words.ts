/**
 * What the panel and reports say of a request whose mode the capture inferred
 * (`Diagnosis.mode`, see src/capture/exchange.ts `InferredMode`): an inference, said as one.
 */
import type { Diagnosis } from '../capture/exchange';
import type { Quoting } from './firefox-verdict-words';

const withoutSecFetchMode =
  "without Sec-Fetch-Mode (browsers send it only to https and localhost URLs), a POST carries Origin in CORS and in no-cors mode alike (fetch with mode: 'no-cors', navigator.sendBeacon, a form), and webRequest does not show which";

/** The sentences for the diagnosis's inferred mode, or null when its mode was not inferred. */
export function inferredModeWords(diagnosis: Diagnosis, q: Quoting): string | null {
  const mode = diagnosis.mode;
  if (mode === undefined) return null;
  if (mode.value === 'cors') return q.text(`Read as a CORS request: ${withoutSecFetchMode}. Firefox ends both the same way, so this holds if it was a CORS request.`);
  const error = diagnosis.ifCorsMode?.error ?? null;
  const ifCors = error === null ? '' : ` Had it been a CORS request, it would have failed with ${q.code(error)}.`;
  return `${q.text(`Likely a no-cors request: the browser delivered the response, and Chromium ends every request CORS blocks with net::ERR_FAILED; ${withoutSecFetchMode}.`)}${ifCors}`;
}
