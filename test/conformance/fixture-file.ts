/**
 * Reads and writes the recorded fixture deterministically: sorted by id, one-space JSON
 * indentation, DEL and every non-ASCII character escaped as \uXXXX so header bytes stay visible
 * and re-recording gives a clean diff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorsVector, FirefoxVector, Vector } from './vector';

/** Where a browser's observations are kept: `test/fixtures/cors-vectors.<browser>.json`. */
export function fixturePath(browser: 'chromium' | 'firefox'): string {
  return fileURLToPath(new URL(`../fixtures/cors-vectors.${browser}.json`, import.meta.url));
}

export const FIXTURE_PATH = fixturePath('chromium');
export const FIREFOX_FIXTURE_PATH = fixturePath('firefox');

export function formatFixture(vectors: ReadonlyArray<Vector<object>>): string {
  const sorted = [...vectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${stringify(sorted, '')}\n`;
}

/**
 * JSON with one-space indentation, except that an array of plain values (a header line
 * `["Name", "value"]`, a list of header names) stays on one line.
 */
function stringify(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => scalar(v)).join(', ')}]`;
    const inner = `${indent} `;
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent} `;
    return `{\n${entries.map(([k, v]) => `${inner}${scalar(k)}: ${stringify(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return scalar(value);
}

/** JSON.stringify of a plain value, with DEL and non-ASCII escaped so every byte is visible. */
function scalar(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function writeFixture(vectors: ReadonlyArray<Vector<object>>, path = FIXTURE_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatFixture(vectors));
}

export function readFixture(path = FIXTURE_PATH): CorsVector[] {
  return JSON.parse(readFileSync(path, 'utf8')) as CorsVector[];
}

export function readFirefoxFixture(path = FIREFOX_FIXTURE_PATH): FirefoxVector[] {
  return JSON.parse(readFileSync(path, 'utf8')) as FirefoxVector[];
}
