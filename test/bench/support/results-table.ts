/** One line of the printed table: a figure, its value as text, its budget and whether it is met. */
export interface TableRow {
  readonly part: string;
  readonly figure: string;
  readonly value: string;
  readonly budget: string;
  /** `null` when the figure has no budget. */
  readonly met: boolean | null;
}

export function formatTable(rows: readonly TableRow[]): string {
  const header = { part: 'part', figure: 'figure', value: 'value (median, min-max)', budget: 'budget', met: 'met' };
  const cells = [header, ...rows.map((r) => ({ ...r, met: r.met === null ? '' : r.met ? 'yes' : 'NO' }))];
  const width = (key: keyof typeof header): number => Math.max(...cells.map((c) => c[key].length));
  const keys = ['part', 'figure', 'value', 'budget', 'met'] as const;
  const line = (c: (typeof cells)[number]): string => keys.map((k) => c[k].padEnd(width(k))).join('  ').trimEnd();
  return [line(header), keys.map((k) => '-'.repeat(width(k))).join('  '), ...cells.slice(1).map(line)].join('\n');
}
