import browser from 'webextension-polyfill';
import { CAPTURE_MODE_KEY, parseCaptureMode, type CaptureModeSetting } from '../../src/capture/capture-mode';

/**
 * The capture mode in `storage.local` (src/capture/capture-mode.ts), for the background, the devtools page and the panel.
 * `storage.local.onChanged`, not `storage.onChanged`: the latter also fires for every
 * `storage.session` write, and the background journals each webRequest event there.
 */
interface StorageChange {
  readonly newValue?: unknown;
}
interface AreaChangedEvent {
  addListener(callback: (changes: Record<string, StorageChange>) => void): void;
  removeListener(callback: (changes: Record<string, StorageChange>) => void): void;
}

export const captureModeSetting: CaptureModeSetting = {
  async read() {
    const stored = await browser.storage.local.get(CAPTURE_MODE_KEY);
    return parseCaptureMode(stored[CAPTURE_MODE_KEY]);
  },
  async write(mode) {
    await browser.storage.local.set({ [CAPTURE_MODE_KEY]: mode });
  },
  watch(listener) {
    const changed = (browser.storage.local as unknown as { onChanged: AreaChangedEvent }).onChanged;
    const callback = (changes: Record<string, StorageChange>): void => {
      const change = changes[CAPTURE_MODE_KEY];
      if (change !== undefined) listener(parseCaptureMode(change.newValue));
    };
    changed.addListener(callback);
    return () => changed.removeListener(callback);
  },
};
