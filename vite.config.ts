import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
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

/**
 * The panel never sets HTML: every value from a page is rendered as text. Preact still ships one
 * `innerHTML` assignment, for `dangerouslySetInnerHTML`, which addons.mozilla.org's linter flags
 * (UNSAFE_VAR_ASSIGNMENT). This removes that one statement from the bundle, so no code path can
 * set HTML, and fails the build if a Preact update changes it, rather than silently missing it.
 * test/unit/pure-core-boundary.test.ts keeps `dangerouslySetInnerHTML` out of src/.
 */
function withoutInnerHtml(): Plugin {
  const assignment = /(\w+)\.innerHTML=(\w+)\.__html/g;
  return {
    name: 'cors-devtools:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/node_modules\/preact\/dist\/preact\.mjs$/.test(id)) return null;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1) this.error(`expected one innerHTML assignment in preact, found ${found}: update withoutInnerHtml()`);
      return { code: code.replace(assignment, '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()'), map: null };
    },
  };
}

function targetOf(mode: string): Target {
  return (targets as readonly string[]).includes(mode) ? (mode as Target) : 'chrome';
}

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  const testing = process.env['VITEST'] !== undefined;
  return {
    plugins: [preact(), ...(testing ? [] : [withoutInnerHtml(), crx({ manifest: manifestFor(target), browser: target })])],
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
