import type { CaptureMode } from './capture-mode';

/** The background's webRequest listeners, which can be taken off and put back. */
export interface Listening {
  start(): void;
  stop(): void;
}

export interface SwitchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ListeningState {
  /** The user's mode; undefined until it is read from storage. */
  readonly mode: CaptureMode | undefined;
  /** Open DevTools windows and pop-out panels (each holds a port to the background). */
  readonly watchers: number;
  readonly listening: boolean;
}

/**
 * Decides when the webRequest listeners are on (see capture-mode.ts). They are registered at the
 * background's start, as the browser requires of a worker woken by an event, so the switch starts
 * listening. It keeps listening while the mode is unknown (the side that loses nothing), and
 * stops only `graceMs` after the last watcher left: a worker woken by a DevTools window is told of
 * that window just after its start, and a window reconnecting after the worker stopped comes
 * back within milliseconds. While requests are in flight (`busy`) it waits on, a grace period at a
 * time, up to `maxWaitMs`, so that a request seen starting is seen ending; the background forgets
 * one still unfinished then (a long poll) when it stops.
 */
export class ListeningSwitch {
  readonly #listening: Listening;
  readonly #graceMs: number;
  readonly #maxWaitMs: number;
  readonly #busy: () => boolean;
  readonly #timers: SwitchTimers;
  #mode: CaptureMode | undefined;
  #watchers = 0;
  #on: boolean;
  #stopTimer: unknown;
  #waitedMs = 0;

  /** `listeningAtStart`: whether the listeners were registered at the start (default true; Firefox's event page may not, see extension/platform/listening-copy.ts). */
  constructor(
    listening: Listening,
    options: {
      readonly graceMs: number;
      readonly maxWaitMs?: number;
      readonly busy?: () => boolean;
      readonly timers: SwitchTimers;
      readonly listeningAtStart?: boolean;
    },
  ) {
    this.#listening = listening;
    this.#on = options.listeningAtStart ?? true;
    this.#graceMs = options.graceMs;
    this.#maxWaitMs = options.maxWaitMs ?? options.graceMs;
    this.#busy = options.busy ?? (() => false);
    this.#timers = options.timers;
  }

  get state(): ListeningState {
    return { mode: this.#mode, watchers: this.#watchers, listening: this.#on };
  }

  setMode(mode: CaptureMode): void {
    this.#mode = mode;
    this.#apply();
  }

  watcherOpened(): void {
    this.#watchers += 1;
    this.#apply();
  }

  watcherClosed(): void {
    this.#watchers = Math.max(0, this.#watchers - 1);
    this.#apply();
  }

  #wanted(): boolean {
    return this.#mode !== 'while-devtools-open' || this.#watchers > 0;
  }

  #apply(): void {
    if (this.#wanted()) {
      this.#cancelStop();
      if (!this.#on) {
        this.#on = true;
        this.#listening.start();
      }
    } else if (this.#on && this.#stopTimer === undefined) {
      this.#waitedMs = 0;
      this.#stopLater();
    }
  }

  #stopLater(): void {
    this.#stopTimer = this.#timers.setTimeout(() => {
      this.#stopTimer = undefined;
      if (this.#wanted() || !this.#on) return;
      this.#waitedMs += this.#graceMs;
      if (this.#busy() && this.#waitedMs < this.#maxWaitMs) {
        this.#stopLater();
        return;
      }
      this.#on = false;
      this.#listening.stop();
    }, this.#graceMs);
  }

  #cancelStop(): void {
    if (this.#stopTimer === undefined) return;
    this.#timers.clearTimeout(this.#stopTimer);
    this.#stopTimer = undefined;
  }
}
