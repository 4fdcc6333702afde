// The playground page: reads the config the server injected, renders a button per scenario and
// exposes `window.playground` for tests.
import { renderOutcome, renderRunning, renderScenarios } from './render.js';
import { runScenario } from './run-scenario.js';

const config = JSON.parse(document.getElementById('playground-config')?.textContent ?? '{}');
const byName = new Map(config.scenarios.map((scenario) => [scenario.name, scenario]));

/** A new id per page load and per run keeps runs apart (preflight cache, image cache). */
const pageLoadId = Math.random().toString(36).slice(2, 8);
let runCount = 0;

/** Runs one scenario by name; never rejects. */
async function run(name) {
  const scenario = byName.get(name);
  if (!scenario) return { name, ok: false, error: `Error: unknown scenario ${name}` };
  runCount += 1;
  renderRunning(name);
  const outcome = await runScenario(scenario, config, `${pageLoadId}-${runCount}`);
  renderOutcome(outcome);
  return outcome;
}

/** Runs every scenario one after the other (cookies and counts stay per scenario). */
async function runAll() {
  const outcomes = {};
  for (const name of byName.keys()) outcomes[name] = await run(name);
  return outcomes;
}

document.getElementById('page-origin').textContent = config.pageOrigin;
document.getElementById('api-origin').textContent = config.apiOrigin;
renderScenarios(document.getElementById('scenarios'), config.scenarios, run);

const summary = document.getElementById('summary');
document.getElementById('run-all').addEventListener('click', async () => {
  summary.textContent = 'Running…';
  const outcomes = Object.values(await runAll());
  const resolved = outcomes.filter((outcome) => outcome.ok).length;
  summary.textContent = `${resolved} resolved, ${outcomes.length - resolved} failed`;
});

window.playground = { scenarios: [...byName.keys()], run, runAll };
