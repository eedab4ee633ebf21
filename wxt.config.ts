import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { stripSourcesPlugin } from './scripts/strip-sources';
import { stripReplicaNotesPlugin } from './scripts/strip-replica-notes';
import { contentScriptMatches, PORTALS } from './procedures/portals';
import { managedSchemaJson } from './lib/managed-schema';

const WEB_ACCESSIBLE = ['private.html', 'recorder.js'];

/** NCALayer (and KAZTOKEN on its port), E-IMZO and older E-IMZO: lib/signers.ts SIGNER_ENDPOINTS */
const CONNECT_SRC = "connect-src 'self' wss://127.0.0.1:13579 wss://127.0.0.1:64443 ws://127.0.0.1:64646";

/**
 * The private frame (entrypoints/private, issue 15) is the one extension page a portal page may
 * frame: reachable from the portal hosts only (https), and only they may be its ancestors.
 */
const FRAME_ANCESTORS = `frame-ancestors 'self' ${PORTALS.flatMap((p) => p.hosts.map((h) => `https://${h}:*`)).join(' ')}`;

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // the catalogue's evidence (`source`) and the replica cases' notes are for people and tests, not for the built extension
  // QADAM_NO_MINIFY=1: readable function names in a CPU profile (bench/profile.mjs), never shipped
  vite: () => ({
    plugins: process.env.VITEST ? [] : [stripSourcesPlugin(), stripReplicaNotesPlugin()],
    build: process.env.QADAM_NO_MINIFY
      ? { minify: false }
      : { minify: 'terser', terserOptions: { compress: { passes: 2 }, format: { comments: false } } },
  }),
  // `npm run zip`: the store zips, and for Firefox's review the sources (built with the README's commands)
  zip: { excludeSources: ['test-results/**', 'tests/.cache/**', 'bench/.cache/**', 'playwright-report/**', '.env*'] },
  hooks: {
    // the portal content script without webextension-polyfill (content-scripts/browser.ts: size, issue 13)
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const mine = { find: /^wxt\/browser$/, replacement: fileURLToPath(new URL('./content-scripts/browser.ts', import.meta.url)) };
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [mine, ...list] };
    },
    // WXT makes an entrypoint named «sandbox» a sandboxed page (no extension APIs). Qadam's training
    // sandbox (contract: sandbox.html) is an ordinary extension page that runs the engine.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete (manifest as { sandbox?: unknown }).sandbox;
    },
    // the policy's schema, from the catalogue's portal ids and languages (lib/managed-schema.ts)
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'managed_schema.json', contents: managedSchemaJson() });
    },
  },
  // one manifest for both stores; the differences are the browser's own keys
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: progress, profiles, settings (local) and the administrator's policy (managed)
    // scripting: the portal script on a government site a guide names, once the user allows that
    // one host on a click (lib/guide-host.ts); no broad host access at install (README «Your own guides»)
    permissions: ['storage', 'scripting'],
    ...(manifestVersion === 3 ? { optional_host_permissions: ['https://*/*'] } : { optional_permissions: ['https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    // no remote code, no eval, no inline script: only the extension's own files; no connection but
    // to the signing programs on this computer (the popup's version check; README «Privacy»)
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: `script-src 'self'; object-src 'self'; base-uri 'none'; ${FRAME_ANCESTORS}; ${CONNECT_SRC}` }
        : `script-src 'self'; object-src 'self'; ${CONNECT_SRC}`,
    // private.html: the private frame; recorder.js: the guide recorder, imported on demand by the portal script
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: [...WEB_ACCESSIBLE], matches: contentScriptMatches() }] : [...WEB_ACCESSIBLE],
    // Chrome: the policy an administrator may set (README: «Managed deployment»)
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'qadam@qadam.kz', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
