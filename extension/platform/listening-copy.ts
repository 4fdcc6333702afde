/**
 * Whether the webRequest listeners were on when the background last ran, kept where the next start
 * can read it at once, before any storage answers: Firefox's event page keeps it in its page's
 * `localStorage`.
 *
 * Why Firefox needs it: when its event page suspends, Firefox keeps the webRequest listeners the
 * page registered at its start "primed" and wakes the page for their events, even after the page
 * removed them (measured in Firefox ESR 153: `removeListener` left their persistent records, and a
 * request woke the suspended page). A start that does not register them again is what clears
 * them. So in Firefox the listeners are registered at the start only if they were on when the page
 * last ran (the capture mode "only while DevTools is open" had them off); a DevTools window that
 * connects puts them back, and one that was open when the page suspended had left them on. Back
 * in "always" after a start without them, the page restarts itself once (background/index.ts):
 * listeners added after a start did not always survive a suspension.
 *
 * Chrome's service worker has no `localStorage` and needs no copy: there `removeListener` also
 * drops the registration that would wake a stopped worker (test/browser/capture-mode.test.ts).
 */
export interface ListeningCopy {
  /** Whether the listeners were on; undefined when never written. */
  read(): boolean | undefined;
  write(listening: boolean): void;
}

const KEY = 'webRequestListening';

export function pageStorageListeningCopy(): ListeningCopy | null {
  let storage: Storage | undefined;
  try {
    storage = (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    // Storage refused to this page: no copy, so the listeners are registered at every start.
  }
  if (storage === undefined) return null;
  return {
    read() {
      try {
        const stored = storage.getItem(KEY);
        return stored === null ? undefined : stored !== 'off';
      } catch {
        return undefined;
      }
    },
    write(listening) {
      try {
        storage.setItem(KEY, listening ? 'on' : 'off');
      } catch {
        // Not kept: the next start registers its listeners, which costs a wake-up, nothing else.
      }
    },
  };
}
