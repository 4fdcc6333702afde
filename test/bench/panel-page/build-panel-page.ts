import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { build } from 'vite';

export const panelPageOut = resolve(import.meta.dirname, '../../../dist/bench/panel-page');

/**
 * Builds the bench page (the real panel App over a fake background, plus the pipeline in the
 * page) into dist/bench/panel-page with vite's JS API: production mode, as the extension ships.
 */
export async function buildPanelPage(): Promise<string> {
  await build({
    configFile: false,
    root: import.meta.dirname,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    plugins: [preact()],
    build: { outDir: panelPageOut, emptyOutDir: true, target: 'es2022' },
  });
  return panelPageOut;
}
