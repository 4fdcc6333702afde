import { useContext, useEffect, useState } from 'preact/hooks';
import { followCaptureMode, type CaptureMode } from '../capture/capture-mode';
import { PlatformContext } from './platform';

export interface CaptureModeState {
  /** The stored mode; undefined until read, and outside the extension. */
  readonly mode: CaptureMode | undefined;
  /** Why the mode could not be read or saved, in a few words. */
  readonly problem: string | undefined;
  /** Stores a mode; on failure the stored one is shown again, with a problem. */
  readonly choose: ((mode: CaptureMode) => void) | null;
}

/**
 * The capture mode (src/capture/capture-mode.ts) as the panel shows it: it follows the stored
 * mode, so a change made in another window shows here too.
 */
export function useCaptureMode(): CaptureModeState {
  const setting = useContext(PlatformContext).captureMode;
  const [mode, setMode] = useState<CaptureMode | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (setting === null) return undefined;
    return followCaptureMode(setting, setMode, () => setProblem('could not read the capture mode'));
  }, [setting]);
  const choose =
    setting === null || mode === undefined
      ? null
      : (next: CaptureMode): void => {
          const before = mode;
          setMode(next);
          setProblem(undefined);
          setting.write(next).catch(() => {
            // Unless another choice came since (and may have been stored).
            setMode((shown) => (shown === next ? before : shown));
            setProblem('could not save the capture mode');
          });
        };
  return { mode, problem, choose };
}
