// Runs one scenario the way a real page would, and reports what the page could observe.
// Plain JavaScript, served as it is: no bundler, no TypeScript.

/**
 * @typedef {{ name: string, ok: boolean, status?: number, error?: string, count?: number }} Outcome
 */

const COOKIE = 'playground-session';
const TIMEOUT_MS = 10_000;

/**
 * Cookies ignore ports: a cookie of the page origin also goes to the API origin (same host).
 * `document.cookie` reaches the browser's cookie store asynchronously (in Chromium a fetch right
 * after it could still carry a cleared cookie), so the Cookie Store API is used where it exists:
 * its promise settles once the store has the change.
 */
async function prepareCookie(state) {
  const store = globalThis.cookieStore;
  if (state === 'set') {
    if (store) await store.set({ name: COOKIE, value: '1', path: '/', sameSite: 'lax' });
    else document.cookie = `${COOKIE}=1; path=/; SameSite=Lax`;
  }
  if (state === 'cleared') {
    if (store) await store.delete({ name: COOKIE, path: '/' });
    else document.cookie = `${COOKIE}=; path=/; max-age=0`;
  }
}

function describeError(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** One fetch: resolves to { status } or { error }, never rejects; reads the body to the end. */
async function fetchOnce(url, init) {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** Folds the results of one or more fetches into an outcome: ok only if all of them resolved. */
function outcomeOf(name, results) {
  const failed = results.find((result) => result.error !== undefined);
  const last = results.at(-1);
  if (failed) return { name, ok: false, error: failed.error, count: results.length };
  return { name, ok: true, status: last?.status, count: results.length };
}

async function runCorsFetch(scenario, url) {
  const { method, headers = [], credentials, body, cookie, repeat } = scenario.request;
  await prepareCookie(cookie);
  const init = { method, headers, body, mode: 'cors', ...(credentials ? { credentials } : {}) };
  const count = repeat?.count ?? 1;
  if (repeat?.parallel) {
    return outcomeOf(scenario.name, await Promise.all(Array.from({ length: count }, () => fetchOnce(url, init))));
  }
  const results = [];
  for (let i = 0; i < count; i += 1) results.push(await fetchOnce(url, init));
  return outcomeOf(scenario.name, results);
}

/** Loads an <img>; with `crossOrigin` it is a CORS request, without it a no-cors load. */
function loadImage(name, url, crossOrigin) {
  return new Promise((resolve) => {
    const image = new Image();
    if (crossOrigin) image.crossOrigin = 'anonymous';
    const timer = setTimeout(() => resolve({ name, ok: false, error: 'Error: image timed out', count: 1 }), TIMEOUT_MS);
    image.onload = () => {
      clearTimeout(timer);
      resolve({ name, ok: true, count: 1 });
    };
    image.onerror = () => {
      clearTimeout(timer);
      resolve({ name, ok: false, error: 'Error: image failed to load', count: 1 });
    };
    image.src = url;
  });
}

/**
 * Runs `scenario` against the playground described by `config`. `runId` makes the URL unique
 * per run, so one run never hits the preflight cache or image cache of another.
 * @returns {Promise<Outcome>}
 */
export async function runScenario(scenario, config, runId) {
  const query = `?run=${encodeURIComponent(runId)}`;
  const apiUrl = `${config.apiOrigin}${scenario.path}${query}`;
  try {
    switch (scenario.request.kind) {
      case 'fetch':
        return await runCorsFetch(scenario, apiUrl);
      case 'no-cors-fetch':
        return outcomeOf(scenario.name, [await fetchOnce(apiUrl, { mode: 'no-cors' })]);
      case 'same-origin-fetch':
        return outcomeOf(scenario.name, [await fetchOnce(`${config.pageOrigin}${scenario.path}${query}`, {})]);
      case 'image':
        return await loadImage(scenario.name, apiUrl, false);
      case 'image-crossorigin':
        return await loadImage(scenario.name, apiUrl, true);
      default:
        return { name: scenario.name, ok: false, error: `Error: unknown request kind ${scenario.request.kind}` };
    }
  } catch (error) {
    return { name: scenario.name, ok: false, error: describeError(error) };
  }
}
