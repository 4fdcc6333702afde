/**
 * Asks `test` every 100 ms until it holds, for what a browser does in its own time (listeners taken
 * off, an event page suspended); throws, naming `what`, once `timeoutMs` passed without it.
 */
export async function waitUntil(what: string, test: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
