import { useRef, useState } from 'preact/hooks';
import { analyzeHarStream, HarError, type HarAnalysis } from '../har/index';

export interface ImportedHar {
  readonly name: string;
  readonly analysis: HarAnalysis;
}

/** A file's text, a chunk at a time, so a large HAR is never one string. */
async function* textChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** "Import HAR": reads a HAR file with the same pairing and CORS core as live capture. */
export function ImportHarButton({ onImported }: { onImported: (imported: ImportedHar) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  return (
    <span class="import-har">
      <button type="button" aria-label="Import a HAR file" disabled={state.busy} onClick={() => input.current?.click()}>
        {state.busy ? 'Reading…' : 'Import HAR'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,application/json"
        hidden
        aria-label="HAR file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file === undefined) return;
          setState({ busy: true, error: null });
          analyzeHarStream(textChunks(file))
            .then((analysis) => {
              setState({ busy: false, error: null });
              onImported({ name: file.name, analysis });
            })
            .catch((error: unknown) => {
              const message = error instanceof HarError ? error.message : `Could not read ${file.name}: ${String(error)}`;
              setState({ busy: false, error: message });
            });
        }}
      />
      {state.error !== null ? (
        <span class="import-error" role="alert">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}

/** What an imported file shows instead of live capture, and the way back. */
export function ImportedBanner({ imported, onClose }: { imported: ImportedHar; onClose: () => void }) {
  const { analysis } = imported;
  return (
    <div class="imported" role="status" aria-label="Imported HAR">
      <div>
        <strong>{imported.name}</strong> (read-only): {analysis.exchanges.length} cross-origin requests from {analysis.source.entries} entries
        {analysis.skipped.length > 0 ? `, ${analysis.skipped.length} entries skipped` : ''}.{' '}
        <button type="button" onClick={onClose} aria-label="Back to live capture">
          Back to live capture
        </button>
      </div>
      {analysis.warnings.length > 0 || analysis.unexplained.length > 0 ? (
        <ul>
          {analysis.warnings.map((warning, index) => (
            <li key={`w${index}`}>{warning}</li>
          ))}
          {analysis.unexplained.map((failure) => (
            <li key={`u${failure.index}`}>
              {failure.method} {failure.url}: {failure.explanation}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
