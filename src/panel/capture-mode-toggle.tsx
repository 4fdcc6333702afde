import { useContext, useEffect, useState } from 'preact/hooks';
import type { CaptureMode } from '../capture/capture-mode';
import { PlatformContext } from './platform';

const explanation =
  'Capture cross-origin requests only while DevTools (or this panel in a tab) is open somewhere. '
  + 'Pages then pay nothing for this extension in everyday browsing, as with DevTools’ own Network panel; '
  + 'requests made while DevTools is closed are not listed.';

/**
 * The capture mode (src/capture/capture-mode.ts) as a checkbox: off is "always", the default.
 * Shown only where the panel runs in the extension. The box follows the stored mode, so a change
 * made in another window shows here too.
 */
export function CaptureModeToggle() {
  const setting = useContext(PlatformContext).captureMode;
  const [mode, setMode] = useState<CaptureMode | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (setting === null) return undefined;
    let live = true;
    const stop = setting.watch((next) => setMode(next));
    setting.read().then(
      (stored) => live && setMode((shown) => shown ?? stored),
      () => live && setProblem('could not read the capture mode'),
    );
    return () => {
      live = false;
      stop();
    };
  }, [setting]);
  if (setting === null) return null;
  if (mode === undefined) return problem === undefined ? null : <span class="status">{problem}</span>;
  return (
    <>
      <label class="check" title={explanation}>
        <input
          type="checkbox"
          checked={mode === 'while-devtools-open'}
          aria-label="Capture only while DevTools is open"
          onChange={(e) => {
            const next: CaptureMode = e.currentTarget.checked ? 'while-devtools-open' : 'always';
            setMode(next);
            setProblem(undefined);
            setting.write(next).catch(() => {
              // Show what is stored, not what was asked.
              setMode(mode);
              setProblem('could not save the capture mode');
            });
          }}
        />
        Only while DevTools is open
      </label>
      {problem === undefined ? null : <span class="status">{problem}</span>}
    </>
  );
}
