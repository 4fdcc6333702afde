import type { Exchange } from '../../capture/exchange';
import { formatMs } from '../exchange-summary';

interface Span {
  readonly label: string;
  readonly start: number;
  readonly end: number | null;
  readonly kind: 'preflight' | 'request';
}

/** The request's phases in time: each preflight, then the request itself (after the last one). */
export function timelineSpans(exchange: Exchange): Span[] {
  const spans: Span[] = exchange.preflights.map((p, i) => ({
    label: exchange.preflights.length > 1 ? `Preflight ${i + 1}` : 'Preflight',
    start: p.startTime,
    end: p.endTime,
    kind: 'preflight',
  }));
  const lastPreflightEnd = exchange.preflights.at(-1)?.endTime ?? null;
  const requestStart = lastPreflightEnd ?? exchange.startTime;
  const sent = exchange.requestHeaders !== null;
  spans.push({ label: sent ? 'Request' : 'Request (never sent)', start: requestStart, end: sent ? exchange.endTime : requestStart, kind: 'request' });
  return spans;
}

export function Timeline({ exchange }: { exchange: Exchange }) {
  const spans = timelineSpans(exchange);
  const origin = Math.min(exchange.startTime, ...spans.map((s) => s.start));
  const finish = Math.max(origin + 1, ...spans.map((s) => s.end ?? s.start));
  const total = finish - origin;
  return (
    <section class="timeline" aria-label="Timeline">
      <h3>Timeline</h3>
      {spans.map((span, index) => {
        const left = ((span.start - origin) / total) * 100;
        const width = Math.max(0.5, (((span.end ?? finish) - span.start) / total) * 100);
        return (
          <div key={index} class="timeline-row">
            <span class="timeline-label">{span.label}</span>
            <span class="timeline-track">
              <span class={`timeline-bar ${span.kind}`} style={{ left: `${left}%`, width: `${width}%` }} />
            </span>
            <span class="timeline-duration">{formatMs(span.end === null ? null : span.end - span.start)}</span>
          </div>
        );
      })}
    </section>
  );
}
