/**
 * The page of the page-cost bench, served by the page origin. It is driven by its own server, not
 * by a browser driver (a driver attached to the page would turn on network recording and change
 * what is measured): it long-polls `/next` for a job, runs it, posts `/result`, then loads itself
 * again, so every run starts from a fresh document (the extension clears the tab on navigation).
 */
export function benchPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>page-cost bench</title></head>
<body><p id="status">waiting</p>
<script type="module">
const session = new URLSearchParams(location.search).get('s');
const job = await (await fetch('/next?s=' + session, { cache: 'no-store' })).json();
if (!job.stop) {
  document.getElementById('status').textContent = 'running ' + job.id;
  let next = 0;
  let failures = 0;
  const probes = ['probe-put-ok', 'probe-get-blocked', 'probe-put-preflight-fails'];
  const one = async (i) => {
    const path = job.kind === 'probe' ? probes[i % probes.length] : job.kind;
    const url = job.api + '/' + path + '?i=' + i + '&r=' + job.id + '&d=' + job.delayMs;
    const response = path.includes('put')
      ? await fetch(url, { method: 'PUT', headers: { 'X-Bench': String(i), 'Content-Type': 'text/plain' }, body: 'x' })
      : await fetch(url);
    await response.text();
  };
  const worker = async () => {
    while (next < job.count) {
      const i = next++;
      try { await one(i); } catch { failures++; }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const ms = performance.now() - start;
  // Tells a probe extension the page is done (see visibility-probe.ts); nothing else listens.
  if (job.kind === 'probe') await fetch(job.api + '/probe-done?r=' + job.id).then((r) => r.text());
  await fetch('/result?s=' + session, { method: 'POST', body: JSON.stringify({ id: job.id, ms, failures }) });
  location.replace('/bench.html?s=' + session + '&after=' + job.id);
}
</script></body></html>`;
}
