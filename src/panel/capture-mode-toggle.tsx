import type { CaptureMode } from '../capture/capture-mode';
import type { CaptureModeState } from './use-capture-mode';

const explanation =
  'Capture cross-origin requests only while DevTools (or this panel in a tab) is open somewhere. '
  + 'Pages then no longer pay for its listening in everyday browsing, as with DevTools’ own Network panel; '
  + 'requests made while DevTools is closed are not listed.';

/** The capture mode as a checkbox: off is "always", the default. Shown only in the extension. */
export function CaptureModeToggle({ capture }: { readonly capture: CaptureModeState }) {
  const { mode, problem, choose } = capture;
  const status = problem === undefined ? null : <span class="status" role="status">{problem}</span>;
  if (mode === undefined || choose === null) return status;
  return (
    <>
      <label class="check" title={explanation}>
        <input
          type="checkbox"
          checked={mode === 'while-devtools-open'}
          aria-label="Capture only while DevTools is open"
          aria-describedby="capture-mode-help"
          onChange={(e) => {
            const next: CaptureMode = e.currentTarget.checked ? 'while-devtools-open' : 'always';
            choose(next);
          }}
        />
        Only while DevTools is open
      </label>
      <span id="capture-mode-help" hidden>
        {explanation}
      </span>
      {status}
    </>
  );
}
