import { useContext, useState } from 'preact/hooks';
import type { Exchange } from '../capture/exchange';
import { jsonReport } from '../report/json-report';
import { markdownReport } from '../report/markdown-report';
import { PlatformContext } from './platform';

interface ExportMenuProps {
  readonly exchanges: readonly Exchange[];
  /** The inspected page, named in the report. */
  readonly source: string | undefined;
  /** An imported HAR's blocked requests that it holds nothing to check by (counted apart, as the CLI's reports do); 0 live. */
  readonly unexplainedBlocks?: number;
}

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
}

/**
 * "Export report" as Markdown (for a bug tracker) or JSON (versioned schema). Credentials are
 * redacted unless the user ticks "Keep credentials", which stays off until asked for.
 */
export function ExportMenu({ exchanges, source, unexplainedBlocks = 0 }: ExportMenuProps) {
  const platform = useContext(PlatformContext);
  const [keepCredentials, setKeepCredentials] = useState(false);
  const options = (now: Date) => ({ keepCredentials, generatedAt: now.toISOString(), unexplainedBlocks, ...(source === undefined ? {} : { source }) });
  return (
    <div class="export" role="group" aria-label="Export report">
      <span class="muted">Export</span>
      <button
        type="button"
        aria-label="Export report as Markdown"
        disabled={exchanges.length === 0}
        onClick={() => {
          const now = new Date();
          platform.saveFile(`cors-report-${fileStamp(now)}.md`, 'text/markdown', markdownReport(exchanges, options(now)));
        }}
      >
        Markdown
      </button>
      <button
        type="button"
        aria-label="Export report as JSON"
        disabled={exchanges.length === 0}
        onClick={() => {
          const now = new Date();
          platform.saveFile(`cors-report-${fileStamp(now)}.json`, 'application/json', `${JSON.stringify(jsonReport(exchanges, options(now)), null, 2)}\n`);
        }}
      >
        JSON
      </button>
      <label class="check" title="Cookies, Authorization and token-like values are redacted unless this is on">
        <input type="checkbox" checked={keepCredentials} onChange={(e) => setKeepCredentials(e.currentTarget.checked)} aria-label="Keep credentials in exports" />
        Keep credentials
      </label>
    </div>
  );
}
