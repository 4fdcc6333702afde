/**
 * When the background listens to webRequest.
 *
 * - `always` (the default): from the browser's start, so a page that failed before DevTools was
 *   opened is already listed when it is.
 * - `while-devtools-open`: only while DevTools is open somewhere (or a pop-out panel is), as
 *   DevTools' own Network panel records. Chrome routes every request's events and headers to an
 *   extension that listens, and that is what costs pages most (docs/benchmarks.md, "Lowering the
 *   floor"); with no listener the cost is gone. Requests made while nothing is open are not seen.
 */
export type CaptureMode = 'always' | 'while-devtools-open';

/** The `storage.local` key that holds the user's choice (it outlives the browser's session). */
export const CAPTURE_MODE_KEY = 'captureMode';

/** What storage holds, read as strictly as anything else: anything but a known mode is the default. */
export function parseCaptureMode(value: unknown): CaptureMode {
  return value === 'while-devtools-open' ? value : 'always';
}

/** Where the mode is kept: the extension's `storage.local` (extension/platform/capture-mode-setting.ts). */
export interface CaptureModeSetting {
  read(): Promise<CaptureMode>;
  write(mode: CaptureMode): Promise<void>;
  /** Calls `listener` with each new mode; returns the way to stop. */
  watch(listener: (mode: CaptureMode) => void): () => void;
}

/**
 * Calls `apply` with the stored mode, then with each change. The read and the first change can
 * cross: a read answered after a change may be older than it, so it is then ignored. Returns the
 * way to stop following.
 */
export function followCaptureMode(setting: CaptureModeSetting, apply: (mode: CaptureMode) => void, onReadError: (error: unknown) => void): () => void {
  let changed = false;
  let following = true;
  const stopWatching = setting.watch((mode) => {
    changed = true;
    if (following) apply(mode);
  });
  setting.read().then(
    (mode) => {
      if (following && !changed) apply(mode);
    },
    (error: unknown) => {
      if (following) onReadError(error);
    },
  );
  return () => {
    following = false;
    stopWatching();
  };
}
