// Builds the page: one section per group, one card per scenario. Text goes in with
// textContent only, never innerHTML.

const groupTitles = {
  passes: 'Passes',
  'preflight-failures': 'Preflight failures',
  'response-failures': 'Response failures',
  warnings: 'Warnings',
  special: 'Special cases',
};

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

function scenarioCard(scenario, onRun) {
  const output = element('output', { id: `outcome-${scenario.name}` });
  const button = element('button', { type: 'button', textContent: scenario.title });
  button.dataset.scenario = scenario.name;
  button.addEventListener('click', () => void onRun(scenario.name));
  const name = element('code', { textContent: scenario.name });
  const description = element('p', { textContent: scenario.description });
  return element('li', { className: 'scenario' }, [button, name, description, output]);
}

/** Renders every scenario into `container`; `onRun(name)` runs when a button is clicked. */
export function renderScenarios(container, scenarios, onRun) {
  for (const [group, title] of Object.entries(groupTitles)) {
    const members = scenarios.filter((scenario) => scenario.group === group);
    if (members.length === 0) continue;
    const list = element('ul', { className: 'scenario-list' }, members.map((s) => scenarioCard(s, onRun)));
    container.append(element('section', { id: `group-${group}` }, [element('h2', { textContent: title }), list]));
  }
}

/** Shows a scenario's outcome under its button. */
export function renderOutcome(outcome) {
  const output = document.getElementById(`outcome-${outcome.name}`);
  if (!output) return;
  const times = outcome.count && outcome.count > 1 ? ` (${outcome.count} requests)` : '';
  const status = outcome.status === undefined ? '' : ` with ${outcome.status}`;
  output.textContent = outcome.ok ? `Resolved${status}${times}` : `${outcome.error}${times}`;
  output.className = outcome.ok ? 'ok' : 'failed';
}

export function renderRunning(name) {
  const output = document.getElementById(`outcome-${name}`);
  if (!output) return;
  output.textContent = 'Running…';
  output.className = '';
}
