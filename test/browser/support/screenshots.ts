import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Where tests and the demo leave screenshots (build output, not committed). */
export const screenshotDir = resolve(import.meta.dirname, '../../../dist/screenshots');

export async function saveScreenshot(name: string, png: Buffer): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = resolve(screenshotDir, name);
  await writeFile(path, png);
  return path;
}
