import type { Exchange } from '../../capture/exchange';
import type { HeaderList } from '../../capture/header-list';
import { CopyButton } from '../copy-button';
import { verdictWords } from '../exchange-summary';
import { firefoxConsoleReason } from '../../report/firefox-console-reasons';
import { mdnPageOf, plainQuoting } from '../../report/firefox-verdict-words';
import { inferredModeWords } from '../../report/inferred-mode-words';
import { showControls } from '../../report/markdown-text';
import { ServerSnippets } from './server-snippets';

/** Request headers that a CORS check reads, and response headers that answer it. */
const askedNames = new Set(['origin', 'access-control-request-method', 'access-control-request-headers', 'cookie', 'authorization']);

function pick(headers: HeaderList | null, test: (lowerName: string) => boolean): HeaderList {
  return (headers ?? []).filter(([name]) => test(name.toLowerCase()));
}

/**
 * The failing check in plain words: what the browser sent, what the server answered, what it
 * needed, and the exact header lines that fix it.
 */
export function WhatFailed({ exchange }: { exchange: Exchange }) {
  const diagnosis = exchange.diagnosis;
  if (diagnosis === null) return <p class="muted">Waiting for the request to finish…</p>;
  const { verdict, credentials } = diagnosis;
  const preflight = exchange.preflights.at(-1);
  const atPreflight = verdict.stage === 'preflight';
  const sent = atPreflight ? pick(preflight?.requestHeaders ?? null, (n) => askedNames.has(n)) : pick(exchange.requestHeaders, (n) => askedNames.has(n));
  const answered = atPreflight ? preflight?.response : exchange.response;
  const answeredCors = pick(answered?.headers ?? null, (n) => n.startsWith('access-control-') || n === 'vary' || n === 'location');
  const fixLines = [...verdict.fix.preflight.map((line) => ({ where: 'preflight (OPTIONS) response', line })), ...verdict.fix.response.map((line) => ({ where: 'actual response', line }))];
  const preflightStatus = verdict.fix.preflightStatus;
  return (
    <section class={`what-failed ${verdict.ok === false ? 'failed' : verdict.ok === true ? 'passed' : 'unknown'}`} aria-label="What failed">
      <h3>{verdict.ok === true ? 'CORS checks passed' : verdict.ok === false ? 'What failed' : 'What could be checked'}</h3>
      <p class="verdict-headline">
        <strong>{verdictWords(verdict)}</strong>
        {verdict.error !== null ? <code class="error-name">{verdict.error}</code> : null}
        {verdict.failedParameter !== null && verdict.failedParameter !== '' ? <span class="failed-parameter">failed parameter: <code>{verdict.failedParameter}</code></span> : null}
      </p>
      {verdict.firefoxReason !== null ? <FirefoxReason reason={verdict.firefoxReason} parameter={verdict.firefoxParameter} /> : null}
      <p class="explanation">{verdict.explanation}</p>
      {diagnosis.mode !== undefined ? <p class="inferred">{inferredModeWords(diagnosis, plainQuoting)}</p> : null}
      {credentials.source === 'likely' ? (
        <p class="inferred">
          Likely sent with credentials: the browser blocked this request, and it passes unless credentials were included. webRequest does not show a request's
          credentials mode; this is an inference.
        </p>
      ) : diagnosis.ifCredentialsIncluded !== undefined ? (
        <p class="inferred">
          If it was sent with credentials (<code>credentials: 'include'</code>), Firefox blocked it:{' '}
          <code>{diagnosis.ifCredentialsIncluded.firefoxReason ?? diagnosis.ifCredentialsIncluded.error}</code>. {diagnosis.ifCredentialsIncluded.explanation} Firefox
          ends a blocked simple request like any other and webRequest does not show the credentials mode, so only the page knows which.
        </p>
      ) : credentials.source === 'cookie-header' ? (
        <p class="muted">Sent with credentials (a Cookie header was sent).</p>
      ) : null}
      {verdict.ok === false && answered !== undefined ? (
        <div class="sent-answered">
          <div>
            <h4>The browser sent{atPreflight ? ' (preflight)' : ''}</h4>
            <HeaderLines lines={sent} empty="No CORS request headers." />
          </div>
          <div>
            <h4>The server answered{answered === null ? '' : ` ${answered.status}`}</h4>
            <HeaderLines lines={answeredCors} empty={answered === null ? 'No answer observed.' : 'No Access-Control-* headers.'} />
          </div>
        </div>
      ) : null}
      {fixLines.length > 0 || preflightStatus !== undefined ? (
        <div class="fix">
          <h4>{fixLines.length === 0 ? 'Fix: answer the preflight with an ok status' : preflightStatus === undefined ? 'Fix: send these response headers' : 'Fix: answer the preflight with an ok status, and send these response headers'}</h4>
          {(['preflight (OPTIONS) response', 'actual response'] as const).map((where) => {
            // Shown and copied with controls visible: a fix line quotes the request's Origin, page data.
            const lines = fixLines.filter((f) => f.where === where).map((f) => showControls(f.line));
            const status = where === 'preflight (OPTIONS) response' ? preflightStatus : undefined;
            if (lines.length === 0 && status === undefined) return null;
            return (
              <div key={where} class="fix-block">
                <div class="fix-where">
                  On the {where}:{' '}
                  {lines.length > 0 ? <CopyButton text={lines.join('\n')} label={`Copy the header lines for the ${where}`} /> : null}
                </div>
                {status !== undefined ? (
                  <p class="fix-status">
                    status <code>{status}</code> (any 2xx passes): no header makes a preflight answered {preflight?.response?.status ?? 'otherwise'} pass.
                  </p>
                ) : null}
                {lines.length > 0 ? <pre>{lines.join('\n')}</pre> : null}
              </div>
            );
          })}
          <ServerSnippets exchange={exchange} />
        </div>
      ) : null}
    </section>
  );
}

function HeaderLines({ lines, empty }: { lines: HeaderList; empty: string }) {
  if (lines.length === 0) return <p class="muted">{empty}</p>;
  // A line break in a value (a HAR can carry one) would draw a header line the server never sent.
  return <pre>{lines.map(([name, value]) => `${showControls(name)}: ${showControls(value)}`).join('\n')}</pre>;
}

/** Firefox's console reason key, and the words its console line ends with (the parameter in them): what to look for there. */
function FirefoxReason({ reason, parameter }: { reason: string; parameter: string | null }) {
  const said = firefoxConsoleReason(reason, parameter);
  return (
    <p class="firefox-reason">
      Firefox's console calls it <code>{reason}</code>
      {said !== null ? (
        <>: {showControls(said)}</>
      ) : parameter !== null ? (
        <>
          {' '}
          (<code>{showControls(parameter)}</code>).
        </>
      ) : (
        '.'
      )}{' '}
      <MdnLink reason={reason} />
    </p>
  );
}

/** The MDN page of a Firefox reason key, the one the reports link to (nothing for anything but a key). */
function MdnLink({ reason }: { reason: string }) {
  const page = mdnPageOf(reason);
  return page === null ? null : (
    <a href={page} target="_blank" rel="noreferrer noopener">
      MDN
    </a>
  );
}
