import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import baseManifest from './manifest.json' with { type: 'json' };

/** The browsers we build for; `vite build --mode <target>` picks one. */
const targets = ['chrome', 'firefox'] as const;
type Target = (typeof targets)[number];

type Manifest = typeof baseManifest;

/**
 * One manifest.json, two variants.
 * - Chrome runs the background as a service worker and does not know `browser_specific_settings`.
 * - Firefox MV3 runs it as an event page (`background.scripts`); a `service_worker` key there is
 *   ignored with a lint warning, so it is replaced rather than added to.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const { browser_specific_settings, background, ...common } = baseManifest as Manifest;
  if (target === 'chrome') return { ...common, background } as ManifestV3Export;
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings,
  } as unknown as ManifestV3Export;
}

function targetOf(mode: string): Target {
  return (targets as readonly string[]).includes(mode) ? (mode as Target) : 'chrome';
}

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  const testing = process.env['VITEST'] !== undefined;
  return {
    plugins: [preact(), ...(testing ? [] : [crx({ manifest: manifestFor(target), browser: target })])],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        // The panel is not named in the manifest (the devtools page creates it), so list it here.
        input: { panel: 'extension/panel/panel.html' },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
            environment: 'node',
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
