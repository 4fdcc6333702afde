/**
 * A message channel, injected wherever messages cross a context: a `runtime.Port` in the
 * extension, an in-memory pair in tests and in the plain-page panel. Messages are plain data.
 */
export interface Transport<In, Out> {
  send(message: Out): void;
  /** Subscribes to incoming messages; returns the unsubscribe function. */
  onMessage(listener: (message: In) => void): () => void;
  /** Called once when the other side goes away (a service worker stopping closes its ports). */
  onDisconnect(listener: () => void): () => void;
  close(): void;
}

/** Two connected in-memory transports, for tests and demos. Delivery is asynchronous, like a port. */
export function transportPair<A, B>(): [Transport<A, B>, Transport<B, A>] {
  const left = new MemoryEnd<A, B>();
  const right = new MemoryEnd<B, A>();
  left.peer = right;
  right.peer = left;
  return [left, right];
}

class MemoryEnd<In, Out> implements Transport<In, Out> {
  peer: MemoryEnd<Out, In> | undefined;
  readonly #listeners = new Set<(message: In) => void>();
  readonly #disconnectListeners = new Set<() => void>();
  #open = true;

  send(message: Out): void {
    const peer = this.peer;
    if (!this.#open || peer === undefined) return;
    const copy = structuredClone(message);
    queueMicrotask(() => peer.deliver(copy));
  }

  deliver(message: In): void {
    if (this.#open) for (const listener of this.#listeners) listener(message);
  }

  onMessage(listener: (message: In) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onDisconnect(listener: () => void): () => void {
    this.#disconnectListeners.add(listener);
    return () => this.#disconnectListeners.delete(listener);
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    const peer = this.peer;
    if (peer !== undefined) queueMicrotask(() => peer.disconnected());
  }

  disconnected(): void {
    if (!this.#open) return;
    this.#open = false;
    for (const listener of this.#disconnectListeners) listener();
  }
}
