import type { HeaderList } from '../../capture/header-list';
import { showControls } from '../../report/markdown-text';

interface HeadersTableProps {
  readonly title: string;
  readonly headers: HeaderList | null;
  /** Lowercase names to highlight (the header at fault). */
  readonly highlight?: ReadonlySet<string>;
  /** A status line shown above the headers. */
  readonly statusLine?: string;
}

/**
 * Header lines as sent or received, repeats kept in order. Values are text, never markup, and
 * their control and invisible characters (line breaks, bidi overrides) are shown as `\xNN`: they
 * could otherwise reorder or hide what the server sent.
 */
export function HeadersTable({ title, headers, highlight, statusLine }: HeadersTableProps) {
  return (
    <section class="headers" aria-label={title}>
      <h4>{title}</h4>
      {statusLine !== undefined && statusLine !== '' ? <div class="status-line">{statusLine}</div> : null}
      {headers === null ? (
        <p class="muted">Not observed.</p>
      ) : headers.length === 0 ? (
        <p class="muted">No headers.</p>
      ) : (
        <dl>
          {headers.map(([name, value], index) => (
            <div key={index} class={highlight?.has(name.toLowerCase()) === true ? 'header-line at-fault' : 'header-line'}>
              <dt>{showControls(name)}:</dt>
              <dd>{showControls(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
