import type { Exchange } from '../../capture/exchange';

/** What the user should know beyond the browser's verdict (server error hidden by CORS, ...). */
export function WarningsList({ exchange }: { exchange: Exchange }) {
  const warnings = exchange.diagnosis?.verdict.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <section class="warnings" aria-label="Warnings">
      <h3>Warnings</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code} data-warning={warning.code}>
            {warning.message}
            {warning.link !== undefined ? (
              <>
                {' '}
                <a href={warning.link} target="_blank" rel="noreferrer noopener">
                  more
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
