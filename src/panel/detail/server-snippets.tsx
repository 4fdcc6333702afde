import { useState } from 'preact/hooks';
import type { Exchange } from '../../capture/exchange';
import { corsNeedsOf } from '../../report/cors-needs';
import { snippetsFor } from '../../report/server-snippets';
import { CopyButton } from '../copy-button';

/** Ready configuration for common servers, one shown at a time (the last one picked is kept). */
let lastServer: string | undefined;

export function ServerSnippets({ exchange }: { exchange: Exchange }) {
  const needs = corsNeedsOf(exchange);
  const snippets = needs === null ? [] : snippetsFor(needs);
  // What the snippets left out or deserves a second look (an opaque origin, names no snippet can quote).
  const notes = needs?.notes ?? [];
  const [server, setServer] = useState(lastServer ?? snippets[0]?.server);
  if (snippets.length === 0) return null;
  const shown = snippets.find((s) => s.server === server) ?? snippets[0];
  if (shown === undefined) return null;
  return (
    <div class="snippets">
      <h4>Or configure your server</h4>
      {notes.length > 0 ? (
        <ul class="snippet-notes" aria-label="Before you copy">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div class="snippet-tabs" role="tablist" aria-label="Server">
        {snippets.map((snippet) => (
          <button
            key={snippet.server}
            type="button"
            role="tab"
            aria-selected={snippet.server === shown.server}
            class={snippet.server === shown.server ? 'kind active' : 'kind'}
            onClick={() => {
              lastServer = snippet.server;
              setServer(snippet.server);
            }}
          >
            {snippet.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={shown.title}>
        <CopyButton text={shown.code} label={`Copy the ${shown.title} configuration`} />
        <pre class={`language-${shown.language}`}>{shown.code}</pre>
      </div>
    </div>
  );
}
