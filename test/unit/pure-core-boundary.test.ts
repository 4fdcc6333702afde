import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * src/ runs in Node: the CORS rules, the pairing, the reports and the panel are plain TypeScript.
 * Browser-extension APIs are touched only under extension/. (tsconfig.json also leaves the
 * `chrome` types out of src/, so a `chrome.*` call there does not compile.)
 */
const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const browserApi = [
  /from ['"]webextension-polyfill['"]/,
  /\b(?:chrome|browser)\.(?:runtime|webRequest|devtools|storage|tabs|scripting|action|windows)\b/,
  /from ['"][./]*\/?extension\//,
];

describe('the pure core boundary', () => {
  const files = sourceFiles(join(root, 'src'));

  it('finds the source files it guards', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('never sets HTML from src/: every value from a page is rendered as text', () => {
    const offenders = files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('keeps browser APIs out of src/', () => {
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return browserApi.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(root, file)} matches ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });
});
