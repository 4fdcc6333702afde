/**
 * Compares what a browser did now with what a fixture recorded, field by field, and prints the
 * differences as one readable block per case.
 */
import { COMPARED_FIELDS, type Expectation } from './vector';

export interface CaseDiff {
  readonly id: string;
  readonly fields: ReadonlyArray<readonly [field: string, recorded: string, observed: string]>;
}

/** Compares `fields` (Chromium's by default; Firefox's vectors pass FIREFOX_COMPARED_FIELDS). */
export function diffExpectations<E extends object = Expectation>(
  recorded: ReadonlyMap<string, E>,
  observed: ReadonlyMap<string, E>,
  fields: ReadonlyArray<keyof E & string> = COMPARED_FIELDS as unknown as ReadonlyArray<keyof E & string>,
): CaseDiff[] {
  const ids = [...new Set([...recorded.keys(), ...observed.keys()])].sort();
  const diffs: CaseDiff[] = [];
  for (const id of ids) {
    const before = recorded.get(id);
    const after = observed.get(id);
    if (before === undefined || after === undefined) {
      diffs.push({ id, fields: [['case', before === undefined ? 'absent' : 'present', after === undefined ? 'absent' : 'present']] });
      continue;
    }
    const changed = fields.flatMap((field) => {
      const [a, b] = [JSON.stringify(before[field]), JSON.stringify(after[field])];
      return a === b ? [] : [[field, a, b] as const];
    });
    if (changed.length > 0) diffs.push({ id, fields: changed });
  }
  return diffs;
}

export function formatDiffs(diffs: readonly CaseDiff[]): string {
  return diffs
    .map((d) => [`  ${d.id}`, ...d.fields.map(([f, a, b]) => `    ${f}: recorded ${a}, now ${b}`)].join('\n'))
    .join('\n');
}
