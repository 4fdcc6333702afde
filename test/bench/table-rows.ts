import type { BackgroundResults } from './background/background-bench';
import type { PageCostResults } from './page-cost/page-cost';
import type { PanelResults } from './panel-page/panel-bench';
import type { TableRow } from './support/results-table';
import { formatSpread, type Spread } from './support/stats';

const at = (s: Spread): number => s.median;
const n = (value: number): string => Math.round(value).toLocaleString('en-US');

/** The capture mode "only while DevTools is open", none open, against no extension. */
function whileOpenRow(page: string, workload: string, ratios: Readonly<Record<string, Spread>>): TableRow[] {
  const whileOpen = ratios['ours-while-open/none'];
  return whileOpen === undefined ? [] : [{ part: '1 page', figure: `${page} ${workload}: ours "only while DevTools is open", none open / none`, value: formatSpread(whileOpen), budget: '', met: null }];
}

export function pageCostRows(r: PageCostResults): TableRow[] {
  const rows: TableRow[] = [];
  for (const [workload, f] of Object.entries(r.flood)) {
    const oursFloor = f.ratios['ours/floor'];
    const oursNone = f.ratios['ours/none'];
    const floorNone = f.ratios['floor/none'];
    if (oursFloor !== undefined) rows.push({ part: '1 page', figure: `flood ${workload}: ours/floor`, value: formatSpread(oursFloor), budget: '<= 1.05', met: at(oursFloor) <= 1.05 });
    if (oursNone !== undefined) rows.push({ part: '1 page', figure: `flood ${workload}: ours/none`, value: formatSpread(oursNone), budget: '', met: null });
    if (floorNone !== undefined) rows.push({ part: '1 page', figure: `flood ${workload}: floor/none`, value: formatSpread(floorNone), budget: '', met: null });
    rows.push(...whileOpenRow('flood', workload, f.ratios));
  }
  for (const [workload, f] of Object.entries(r.realistic)) {
    const oursNone = f.ratios['ours/none'];
    const oursFloor = f.ratios['ours/floor'];
    if (oursNone !== undefined) rows.push({ part: '1 page', figure: `realistic ${workload}: ours/none`, value: formatSpread(oursNone), budget: '<= 1.05', met: at(oursNone) <= 1.05 });
    if (oursFloor !== undefined) rows.push({ part: '1 page', figure: `realistic ${workload}: ours/floor`, value: formatSpread(oursFloor), budget: '', met: null });
    rows.push(...whileOpenRow('realistic', workload, f.ratios));
  }
  for (const v of r.variants) {
    if (v.put === null || v.get === null) continue;
    rows.push({ part: '1 floor', figure: `${v.id}: /none put, get`, value: `${formatSpread(v.put.vsNone)}, ${formatSpread(v.get.vsNone)}`, budget: '', met: null });
  }
  return rows;
}

export function backgroundRows(r: BackgroundResults): TableRow[] {
  return [
    { part: '2 background', figure: `exchanges/s in Node (${n(r.exchanges)}), 3 runs`, value: formatSpread(r.exchangesPerSecond, 0), budget: '>= 200,000', met: at(r.exchangesPerSecond) >= 200_000 },
    { part: '2 background', figure: 'exchanges per CPU-s in Node', value: n(r.exchangesPerCpuSecond), budget: '', met: null },
    {
      part: '2 background',
      figure: 'us/exchange parse, pairing, diagnose, store',
      value: `${r.stagesUs.parse}, ${r.stagesUs.pairing}, ${r.stagesUs.diagnose}, ${r.stagesUs.storeAndBudget}`,
      budget: '',
      met: null,
    },
    { part: '2 background', figure: 'bytes per stored exchange (mean, p95)', value: `${n(r.storedBytes.mean)}, ${n(r.storedBytes.p95)}`, budget: '<= 2,048', met: r.storedBytes.mean <= 2048 },
    {
      part: '2 background',
      figure: 'persisting: us/exchange without, with',
      value: `${r.persistence.usPerExchangeWithout}, ${r.persistence.usPerExchangeWith}`,
      budget: '',
      met: null,
    },
    { part: '2 background', figure: 'persisting: bytes serialized per exchange', value: n(r.persistence.bytesSerializedPerExchange), budget: '', met: null },
  ];
}

export function coreRows(r: Record<string, number>): TableRow[] {
  const row = (name: string, budget: number): TableRow => {
    const median = r[`cors.${name} ops/s`] ?? Number.NaN;
    const range = `${n(r[`cors.${name} ops/s min`] ?? Number.NaN)}-${n(r[`cors.${name} ops/s max`] ?? Number.NaN)}`;
    return { part: '3 core', figure: `${name} ops/s, slices (per CPU-s)`, value: `${n(median)} (${range}) (${n(r[`cors.${name} ops/cpu-s`] ?? Number.NaN)})`, budget: `>= ${n(budget)}`, met: median >= budget };
  };
  return [row('classify', 1_000_000), row('check', 500_000)];
}

export function panelRows(r: PanelResults): TableRow[] {
  const ms = (s: Spread): string => formatSpread(s, 1, ' ms');
  return [
    { part: '4 panel', figure: `first rows shown, ${n(r.exchanges)} exchanges`, value: ms(r.firstRows), budget: '<= 200 ms', met: at(r.firstRows) <= 200 },
    { part: '4 panel', figure: `all ${n(r.exchanges)} exchanges listed`, value: ms(r.firstRender), budget: '', met: null },
    { part: '4 panel', figure: 'first render / first render at 40', value: formatSpread(r.firstRenderRatioTo40), budget: '', met: null },
    { part: '4 panel', figure: 'filter "Failed"', value: ms(r.filter), budget: '<= 50 ms', met: at(r.filter) <= 50 },
    { part: '4 panel', figure: 'search (one input event)', value: ms(r.search), budget: '<= 50 ms', met: at(r.search) <= 50 },
    ...scrollRows(`scroll, jumps of ~${n(r.scrollStepRows)} rows`, r.scrollSteps, {
      workP95: r.scrollWorkP95,
      workMax: r.scrollWorkMax,
      workOver16: r.scrollWorkOver16,
      frameP95: r.scrollFrameP95,
      frameMax: r.scrollFrameMax,
      framesDropped: r.scrollFramesDropped,
    }),
    ...scrollRows(`scroll, wheel-sized ${n(r.wheelStepPx)} px (~${n(r.wheelStepRows)} rows)`, r.scrollSteps, {
      workP95: r.wheelWorkP95,
      workMax: r.wheelWorkMax,
      workOver16: r.wheelWorkOver16,
      frameP95: r.wheelFrameP95,
      frameMax: r.wheelFrameMax,
      framesDropped: r.wheelFramesDropped,
    }),
    {
      part: '4 panel',
      figure: `pipeline in Chromium, exchanges/s (${n(r.pipelineInChromium.exchanges)})`,
      value: formatSpread(r.pipelineInChromium.exchangesPerSecond, 0),
      budget: '>= 200,000',
      met: at(r.pipelineInChromium.exchangesPerSecond) >= 200_000,
    },
  ];
}

interface ScrollFigures {
  readonly workP95: Spread;
  readonly workMax: Spread;
  readonly workOver16: Spread;
  readonly frameP95: Spread;
  readonly frameMax: Spread;
  readonly framesDropped: Spread;
}

/** One scroll run's rows, its figures named after `label` (the budget: no frame over 16 ms while scrolling). */
function scrollRows(label: string, steps: number, s: ScrollFigures): TableRow[] {
  const ms = (v: Spread): string => formatSpread(v, 1, ' ms');
  return [
    { part: '4 panel', figure: `${label}: work per step p95`, value: ms(s.workP95), budget: '', met: null },
    { part: '4 panel', figure: `${label}: work per step max`, value: ms(s.workMax), budget: '<= 16 ms', met: at(s.workMax) <= 16 },
    { part: '4 panel', figure: `${label}: steps over 16 ms of ${steps}`, value: formatSpread(s.workOver16, 0), budget: '0', met: at(s.workOver16) === 0 },
    { part: '4 panel', figure: `${label}: frame interval p95, max`, value: `${ms(s.frameP95)}; ${ms(s.frameMax)}`, budget: '', met: null },
    { part: '4 panel', figure: `${label}: frames dropped of ${steps}`, value: formatSpread(s.framesDropped, 0), budget: '0', met: at(s.framesDropped) === 0 },
  ];
}

/** Rows of the reports bench, whatever shape of figures it returns (name -> number). */
export function reportRows(r: Record<string, unknown>): TableRow[] {
  return Object.entries(r)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([figure, value]) => {
      const isMs = /\bms\b/.test(figure);
      const budgeted = isMs && !/\bcpu\b/.test(figure);
      return { part: '5 reports', figure, value: isMs ? `${value.toFixed(1)} ms` : n(value), budget: budgeted ? '<= 500 ms' : '', met: budgeted ? value <= 500 : null };
    });
}

/**
 * The background's throughput set against what the browser can hand it: the exchanges per second
 * a flood reaches with the floor extension (the same listeners, empty; the browser's own cost of
 * delivering events), and the share of one core our pipeline then takes, at its rate in
 * Chromium's V8 (the panel page) or else in Node. Needs the page part and one of the others.
 */
export function deliveryRows(page: PageCostResults | undefined, pipelinePerSecond: { readonly where: string; readonly rate: number } | undefined): TableRow[] {
  if (page === undefined || pipelinePerSecond === undefined) return [];
  const rows: TableRow[] = [];
  for (const [workload, f] of Object.entries(page.flood)) {
    const floorMs = f.medianMs['floor'];
    if (floorMs === undefined || floorMs <= 0) continue;
    const delivered = (page.fetches * 1000) / floorMs;
    rows.push({ part: '1+2', figure: `flood ${workload} with the floor extension (empty listeners): exchanges/s`, value: n(delivered), budget: '', met: null });
    rows.push({ part: '1+2', figure: `  our pipeline at that pace (${pipelinePerSecond.where}): share of one core`, value: `${((100 * delivered) / pipelinePerSecond.rate).toFixed(1)} %`, budget: '', met: null });
  }
  return rows;
}
