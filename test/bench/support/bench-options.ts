/** How much of each part runs: the full bench (about 10 minutes on 2 cores) or `--quick` (about 2-3). */
export interface BenchOptions {
  readonly quick: boolean;
  /** Fetches per flood or realistic run (the figure is 1,000). */
  readonly fetches: number;
  /** Alternated rounds for the flood (none / floor / ours). */
  readonly floodRounds: number;
  /** Alternated rounds for the realistic (network-bound) page. */
  readonly realisticRounds: number;
  /** Fetches per run and rounds when comparing the floor's variants (0 rounds: skipped). */
  readonly variantFetches: number;
  readonly variantRounds: number;
  /** Exchanges in the background's synthetic stream. */
  readonly streamExchanges: number;
  /** Exchanges delivered one event per task to measure persistence. */
  readonly persistExchanges: number;
  /** Milliseconds of each core micro-benchmark (classify, check), over all its slices. */
  readonly coreMs: number;
  /** Alternated page loads per panel condition (10,000 and 40 exchanges). */
  readonly panelRounds: number;
  /** Exchanges pushed through the pipeline inside Chromium. */
  readonly pipelineExchanges: number;
  /** Which parts to run (all by default; `--only=page,panel` picks some). */
  readonly parts: ReadonlySet<BenchPart>;
}

export const benchParts = ['page', 'background', 'core', 'panel', 'reports'] as const;
export type BenchPart = (typeof benchParts)[number];

export function benchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = onlyArg?.slice('--only='.length).split(',').filter((p): p is BenchPart => (benchParts as readonly string[]).includes(p));
  const parts = new Set<BenchPart>(only !== undefined && only.length > 0 ? only : benchParts);
  const common = { quick, parts };
  return quick
    ? { ...common, fetches: 300, floodRounds: 3, realisticRounds: 2, variantFetches: 0, variantRounds: 0, streamExchanges: 20_000, persistExchanges: 2_000, coreMs: 700, panelRounds: 2, pipelineExchanges: 20_000 }
    : { ...common, fetches: 1000, floodRounds: 5, realisticRounds: 3, variantFetches: 500, variantRounds: 3, streamExchanges: 100_000, persistExchanges: 5_000, coreMs: 3000, panelRounds: 5, pipelineExchanges: 100_000 };
}
