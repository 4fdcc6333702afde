import type { Exchange } from '../../capture/exchange';
import { curlCommands } from '../../report/curl';
import { CopyButton } from '../copy-button';

/** "Copy as curl": the preflight and the request, with their Origin and Access-Control-Request-* headers. */
export function CopyAsCurl({ exchange }: { exchange: Exchange }) {
  const commands = curlCommands(exchange);
  return (
    <span class="curl">
      {commands.preflight !== null ? <CopyButton text={commands.preflight} label="Copy the preflight as curl">Preflight as curl</CopyButton> : null}
      <CopyButton text={commands.request} label="Copy the request as curl">Request as curl</CopyButton>
    </span>
  );
}
