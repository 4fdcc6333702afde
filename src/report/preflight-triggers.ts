/**
 * What made an endpoint's requests preflight, in words derived from the core's reasons:
 * "only `x-request-id`", "`content-type: application/json` on every GET", "method PUT".
 */
import type { Exchange } from '../capture/exchange';
import type { Reason, ReasonRule } from '../cors/index';
import { isSecretHeaderName } from './secret-patterns';
import { isIncidentalHeader, isLikelyUnexpectedReason } from './unexpected-preflight';

export interface PreflightTrigger {
  readonly rule: ReasonRule;
  /** Lowercase header at fault; null for the method and the total size. */
  readonly header: string | null;
  /** What about it: the method, the Content-Type essence, the header value; null for a header name. */
  readonly value: string | null;
  /** In a few words: "`x-request-id`", "`content-type: application/json`", "method PUT". */
  readonly words: string;
  /** How many of the endpoint's preflighted requests it caused (alone or with others). */
  readonly requests: number;
  /** The methods of those requests. */
  readonly methods: readonly string[];
  readonly likelyUnexpected: boolean;
}

const MAX_VALUE_WORDS = 60;

function short(value: string): string {
  return value.length <= MAX_VALUE_WORDS ? value : `${value.slice(0, MAX_VALUE_WORDS)}…`;
}

/**
 * The trigger a reason stands for: its identity (key), value and words. A request its preflight
 * stopped was never sent, so its header values were not observed (the capture classifies it with
 * empty values): such a reason is named by its header only.
 */
function triggerOf(reason: Reason, observed: boolean): { key: string; value: string | null; words: string } {
  if (!observed && reason.rule === 'header-value' && reason.value === '') {
    return { key: `unobserved ${reason.header ?? ''}`, value: null, words: `\`${reason.header ?? ''}\` (value not observed)` };
  }
  switch (reason.rule) {
    case 'method':
      return { key: `method ${reason.value ?? ''}`, value: reason.value, words: `method ${short(reason.value ?? '')}` };
    case 'total-size':
      return { key: 'total-size', value: null, words: 'safelisted header values over 1,024 bytes in total' };
    case 'header-name':
      return { key: `name ${reason.header ?? ''}`, value: null, words: `\`${reason.header ?? ''}\`` };
    case 'header-value': {
      const d = reason.detail;
      const header = reason.header ?? '';
      if (d.kind === 'mime-type-not-safelisted') {
        const value = d.essence ?? reason.value ?? '';
        return { key: `value ${header} ${value}`, value, words: value === '' ? `\`${header}\` with an unparsable value` : `\`${header}: ${short(value)}\`` };
      }
      if (d.kind === 'value-too-long') return { key: `long ${header}`, value: reason.value, words: `\`${header}\` value over 128 bytes` };
      if (d.kind === 'listed-by-preflight') return { key: `listed ${header}`, value: null, words: `\`${header}\` (listed by the preflight, value not observed)` };
      return { key: `value ${header} ${reason.value ?? ''}`, value: reason.value, words: `\`${header}: ${short(reason.value ?? '')}\`` };
    }
  }
}

interface Tally {
  readonly trigger: ReturnType<typeof triggerOf>;
  readonly reason: Reason;
  requests: number;
  methods: string[];
  unexpected: boolean;
}

/** The triggers of these (preflighted) exchanges, most frequent first. */
export function preflightTriggers(exchanges: readonly Exchange[]): PreflightTrigger[] {
  const tallies = new Map<string, Tally>();
  for (const e of exchanges) {
    const c = e.diagnosis?.classification;
    if (c === undefined) continue;
    for (const reason of c.reasons) {
      const trigger = triggerOf(reason, e.requestHeaders !== null);
      let t = tallies.get(trigger.key);
      if (t === undefined) {
        t = { trigger, reason, requests: 0, methods: [], unexpected: true };
        tallies.set(trigger.key, t);
      }
      t.requests++;
      if (!t.methods.includes(c.method)) t.methods.push(c.method);
      t.unexpected &&= isLikelyUnexpectedReason(reason, c.method);
    }
  }
  return [...tallies.values()]
    .sort((a, b) => b.requests - a.requests)
    .map((t) => ({
      rule: t.reason.rule,
      header: t.reason.header,
      value: t.trigger.value,
      words: t.trigger.words,
      requests: t.requests,
      methods: t.methods,
      likelyUnexpected: t.unexpected,
    }));
}

/** One line for an endpoint: "only `x-request-id`", "`content-type: application/json` on every GET". */
export function describeTriggers(triggers: readonly PreflightTrigger[], requests: number): string {
  if (triggers.length === 0) return 'no reason recorded';
  const [only] = triggers;
  if (triggers.length === 1 && only !== undefined && only.requests === requests) {
    const every = only.methods.length === 1 ? ` on every ${only.methods[0] ?? ''}` : '';
    if (only.rule === 'header-name') return `only ${only.words}${every}`;
    if (only.rule === 'header-value') return `${only.words}${every}`;
    return only.words;
  }
  const parts = triggers.map((t) => (t.requests === requests ? t.words : `${t.words} (${t.requests} of ${requests})`));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** What to change so a trigger no longer preflights, in one sentence. */
export function adviceFor(t: PreflightTrigger): string {
  const name = t.header ?? '';
  switch (t.rule) {
    case 'method':
      return `${t.value ?? 'This method'} is never CORS-safelisted, so it always preflights: keep it, and let the browser cache the preflight with Access-Control-Max-Age.`;
    case 'total-size':
      return 'Shorten the safelisted header values (Accept, Accept-Language, Content-Language, Content-Type, Range): together they must stay within 1,024 bytes.';
    case 'header-name':
      if (isSecretHeaderName(name)) {
        return `\`${name}\` carries credentials and always preflights cross-origin, which is expected: cache the preflight with Access-Control-Max-Age, and let OPTIONS pass without authentication.`;
      }
      if (isIncidentalHeader(name)) {
        return `Drop \`${name}\` from cross-origin requests (tracing and HTTP libraries add it; most let you limit it to same-origin URLs), or, if the server needs it, allow it and cache the preflight with Access-Control-Max-Age.`;
      }
      return `\`${name}\` is not a CORS-safelisted header, so every request carrying it preflights: drop or rename it to a safelisted header if the server does not need it, or cache the preflight with Access-Control-Max-Age.`;
    case 'header-value':
      if (name === 'content-type') {
        if (t.methods.every((m) => m === 'GET' || m === 'HEAD')) {
          return `A ${t.methods.join(' or ')} has no body: stop sending \`content-type\` on it (HTTP clients often set a JSON Content-Type on every request by default).`;
        }
        return `Sending the body as Content-Type: text/plain avoids the preflight only when the server accepts text/plain and parses the body itself; otherwise keep \`${t.value ?? 'this Content-Type'}\` and cache the preflight with Access-Control-Max-Age.`;
      }
      if (name === 'range') return 'Request a single range (`bytes=N-` or `bytes=N-M`): anything else preflights.';
      return `Send a safelisted value of \`${name}\` (at most 128 bytes, no "():<>?@[\\]{} or control bytes${name.endsWith('language') ? ', only letters, digits, space and *,-.;=' : ''}), or drop it.`;
  }
}
