import type { Exchange } from '../capture/exchange';
import { PROTOCOL_VERSION, parseBackgroundMessage, type BackgroundMessage, type PanelMessage } from './messages';
import type { Transport } from './transport';

/** What a panel knows about its tab. Immutable: every change makes a new object. */
export interface PanelData {
  readonly tabId: number;
  /** In arrival order, oldest first. */
  readonly exchanges: readonly Exchange[];
  readonly evicted: number;
  readonly preserveLog: boolean;
  /**
   * `incompatible`: no background this panel can talk to until DevTools is reopened (one of
   * another protocol version, or the extension reloaded or updated under the panel).
   */
  readonly connection: 'connecting' | 'connected' | 'reconnecting' | 'incompatible';
}

export type PanelTransport = Transport<unknown, PanelMessage>;
/** What the user asks of the background: the toolbar's Clear and Preserve log. */
type Command = Extract<PanelMessage, { type: 'clear' | 'preserve-log' }>;

const RECONNECT_DELAYS_MS = [50, 100, 250, 500, 1000, 2000] as const;
/** Live updates are applied together at most this often, so a burst re-renders once. */
const UPDATE_INTERVAL_MS = 16;

/**
 * The panel's side of the protocol: subscribes to a tab, keeps its exchanges, and reconnects
 * when the port drops (a service worker that stops closes every port it had).
 */
export class PanelClient {
  readonly #connect: () => PanelTransport;
  readonly #listeners = new Set<(data: PanelData) => void>();
  #transport: PanelTransport | undefined;
  #data: PanelData;
  #index = new Map<string, number>();
  /** Older exchanges of the snapshot not received yet: evictions take these first (the oldest go first). */
  #remaining = 0;
  /**
   * Rows held before a reconnect that its snapshot has not re-sent yet, always the first rows of
   * the list: kept until the older pages re-send them or the paging ends (see #keptRows).
   */
  #stale = new Set<string>();
  #attempt = 0;
  #closed = false;
  #pendingUpdates: Array<Extract<BackgroundMessage, { type: 'exchanges' }>> = [];
  /**
   * Commands asked while no snapshot is held (the port down, or its snapshot still to come): a port
   * that is down drops them, and a snapshot made before they reach the background would undo them.
   */
  #queued: Command[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(connect: () => PanelTransport, tabId: number) {
    this.#connect = connect;
    this.#data = { tabId, exchanges: [], evicted: 0, preserveLog: false, connection: 'connecting' };
    this.#open();
  }

  get data(): PanelData {
    return this.#data;
  }

  subscribe(listener: (data: PanelData) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#command({ type: 'clear', tabId: this.#data.tabId });
  }

  setPreserveLog(preserve: boolean): void {
    this.#command({ type: 'preserve-log', tabId: this.#data.tabId, preserve });
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#flushTimer);
    this.#transport?.close();
  }

  #open(): void {
    const transport = this.#tryConnect();
    if (transport === undefined) return;
    this.#transport = transport;
    transport.onMessage((raw) => {
      const message = parseBackgroundMessage(raw);
      if (message !== undefined) this.#receive(message);
      else console.warn(`CORS DevTools: ignored a malformed message from the background (type ${String((raw as { type?: unknown } | null)?.type)})`);
    });
    transport.onDisconnect(() => {
      if (this.#closed || this.#transport !== transport) return;
      this.#update({ connection: 'reconnecting' });
      const delay = RECONNECT_DELAYS_MS[Math.min(this.#attempt, RECONNECT_DELAYS_MS.length - 1)];
      this.#attempt += 1;
      setTimeout(() => this.#open(), delay);
    });
    // Before subscribing: the background takes them first, so its snapshot shows them.
    for (const command of this.#queued.splice(0)) transport.send(command);
    transport.send({ type: 'subscribe', version: PROTOCOL_VERSION, tabId: this.#data.tabId });
  }

  /**
   * A new port, or none when the extension was reloaded or updated under this panel: connecting
   * then throws ("Extension context invalidated.") and will every time, so the panel says to
   * reopen DevTools instead of trying again.
   */
  #tryConnect(): PanelTransport | undefined {
    try {
      return this.#connect();
    } catch (error) {
      console.warn('CORS DevTools: cannot reach the background, reopen DevTools', error);
      this.#update({ connection: 'incompatible' });
      return undefined;
    }
  }

  /** Shows the command at once; sends it when the background can take it, else queues it (#queued). */
  #command(command: Command): void {
    if (this.#data.connection === 'connected') this.#transport?.send(command);
    else this.#queued.push(command);
    this.#apply(command);
  }

  #apply(command: Command): void {
    if (command.type === 'preserve-log') return this.#update({ preserveLog: command.preserve });
    this.#cleared();
  }

  /** The list was cleared (here, or by the background): nothing held, nothing still to come. */
  #cleared(): void {
    this.#pendingUpdates = [];
    this.#index = new Map();
    this.#remaining = 0;
    this.#stale = new Set();
    this.#update({ exchanges: [], evicted: 0 });
  }

  #receive(message: BackgroundMessage): void {
    switch (message.type) {
      case 'snapshot': {
        this.#attempt = 0;
        this.#pendingUpdates = [];
        this.#remaining = message.remaining;
        const kept = this.#keptRows(message.exchanges);
        this.#stale = new Set(kept.map((e) => e.id));
        const exchanges = this.#reindex([...kept, ...message.exchanges]);
        this.#update({ exchanges, evicted: message.evicted, preserveLog: message.preserveLog, connection: 'connected' });
        // Asked after the subscribe went out: the snapshot was made before the background had them.
        for (const command of this.#queued.splice(0)) this.#command(command);
        return;
      }
      case 'snapshot-page': {
        // The background made this page after every message before it: apply those first.
        this.#flush();
        this.#remaining = message.remaining;
        return this.#update({ exchanges: this.#reindex(this.#withOlderPage(message.exchanges)) });
      }
      case 'exchanges': {
        // Updates come one exchange at a time; apply them at once, at most once a frame.
        this.#pendingUpdates.push(message);
        this.#scheduleFlush();
        return;
      }
      case 'cleared':
        return this.#cleared();
      case 'version-mismatch':
        return this.#update({ connection: 'incompatible' });
    }
  }

  #scheduleFlush(): void {
    if (this.#flushTimer !== undefined) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      this.#flush();
    }, UPDATE_INTERVAL_MS);
  }

  #flush(): void {
    const updates = this.#pendingUpdates;
    if (updates.length === 0) return;
    this.#pendingUpdates = [];
    let exchanges = [...this.#data.exchanges];
    let evicted = this.#data.evicted;
    for (const message of updates) {
      for (const exchange of message.exchanges) {
        const at = this.#index.get(exchange.id);
        if (at === undefined) {
          this.#index.set(exchange.id, exchanges.length);
          exchanges.push(exchange);
        } else exchanges[at] = exchange;
      }
      evicted = message.evicted;
    }
    // The evicted are the tab's oldest: first those of the snapshot not received yet, then the front of the list.
    const dropped = evicted - this.#data.evicted;
    const unreceived = Math.min(Math.max(dropped, 0), this.#remaining);
    this.#remaining -= unreceived;
    // No older page comes once those are gone: rows kept from before a reconnect go too.
    const front = this.#remaining === 0 ? this.#stale.size : 0;
    if (front > 0) this.#stale = new Set();
    if (front > 0 || dropped > unreceived) exchanges = this.#reindex(exchanges.slice(front + Math.max(dropped - unreceived, 0)));
    this.#update({ exchanges, evicted });
  }

  /**
   * The rows to keep before a snapshot: after a reconnect (a stopped service worker, every ~30 s
   * idle in Chrome) it brings the newest page only, and dropping the older rows until their pages
   * come would drop the selected row and close its detail pane. Those it has not re-sent are kept,
   * in their order before it (they are older than all it sent), until the paging ends.
   */
  #keptRows(snapshot: readonly Exchange[]): Exchange[] {
    if (this.#remaining === 0 || this.#data.exchanges.length === 0) return [];
    const sent = new Set(snapshot.map((e) => e.id));
    return this.#data.exchanges.filter((e) => !sent.has(e.id));
  }

  /**
   * The list with an older page of the snapshot inserted after the kept rows and before what was
   * received. A kept row the page re-sends takes the page's copy (made after any update before it);
   * one a live update already brought is kept as the newer copy. The last page (nothing remaining)
   * ends the paging: kept rows not re-sent are no longer the background's, and go.
   */
  #withOlderPage(page: readonly Exchange[]): Exchange[] {
    const current = this.#data.exchanges;
    const kept = current.slice(0, this.#stale.size);
    const received = current.slice(this.#stale.size);
    const older = page.filter((e) => this.#stale.has(e.id) || !this.#index.has(e.id));
    for (const e of older) this.#stale.delete(e.id);
    if (this.#remaining === 0) this.#stale = new Set();
    return [...kept.filter((e) => this.#stale.has(e.id)), ...older, ...received];
  }

  #reindex(exchanges: Exchange[]): Exchange[] {
    this.#index = new Map(exchanges.map((e, i) => [e.id, i]));
    return exchanges;
  }

  #update(change: Partial<PanelData>): void {
    this.#data = { ...this.#data, ...change };
    for (const listener of this.#listeners) listener(this.#data);
  }
}
