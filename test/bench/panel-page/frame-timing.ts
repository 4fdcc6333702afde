/** Resolves after the next frame has been produced (its rAF callbacks, then a task after them). */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

/**
 * The next frame's start (its animation callbacks' timestamp: the frame's begin time) and end (the
 * first task after that frame's style, layout and paint, which run in the same task as the callbacks).
 */
export function frameTimes(): Promise<{ readonly start: number; readonly end: number }> {
  return new Promise((resolve) => requestAnimationFrame((start) => setTimeout(() => resolve({ start, end: performance.now() }), 0)));
}

/**
 * Counts the frames the browser itself reports as long (over 50 ms) from now to `stop()`, and the
 * longest: a check on our own timing that does not depend on it. Where the entry type is not
 * supported, both are NaN.
 */
export function observeLongAnimationFrames(): { stop(): { readonly count: number; readonly max: number } } {
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    return { stop: () => ({ count: Number.NaN, max: Number.NaN }) };
  }
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'long-animation-frame' });
  return {
    stop() {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return { count: durations.length, max: durations.length === 0 ? 0 : Math.max(...durations) };
    },
  };
}

/** Resolves once `ready()` holds, checked at every microtask-flushed mutation of `root`, and on each frame. */
export function whenDom(root: Node, ready: () => boolean, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the panel did not render in time'));
    }, timeoutMs);
  });
}

/** Forces style and layout now, so a timing includes them (paint comes with the next frame). */
export function forceLayout(element: Element): void {
  element.getBoundingClientRect();
  document.body.offsetHeight;
}
