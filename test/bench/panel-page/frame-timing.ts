/** Resolves after the next frame has been produced (its rAF callbacks, then a task after them). */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
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
