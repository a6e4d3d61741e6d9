// @cloudbase/node-sdk as the cloud functions carry it: one minified file (cloudbase-sdk.js beside each
// function's index.js) instead of the package installed by CloudBase. Used by scripts/build-functions.mjs
// and by the tests that run the CloudBase adapter over the SDK (test/support/bundled-cloudbase-sdk.ts), so
// the code tested is the code deployed.
//
// Why: the SDK's entry requires every part of it at once, from about 5,500 files of 88 packages, and a cold
// instance paid about 300 ms of CPU for that before its first call, most of it finding, reading and compiling
// modules the functions never reach. Bundled, the same modules are one file read and compiled once; the
// packages reached only by SDK features the functions never call are left out (UNUSED below).
'use strict';
const { readFileSync, existsSync, readdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The file each function's bundle requires in place of `@cloudbase/node-sdk`. */
const CLOUDBASE_SDK_FILE = 'cloudbase-sdk.js';
/** The licences of the packages in it, beside it (not loaded). */
const CLOUDBASE_SDK_LICENSES_FILE = 'cloudbase-sdk.licenses.txt';

/**
 * What the SDK loads at start but reaches only from features the functions never use. The functions use
 * `init`, `getCloudbaseContext`, `database()` (queries, commands, transactions), `callFunction`,
 * `callWxOpenApi`, `callCompatibleWxOpenApi`, `getTempFileURL` and `deleteFile` (cloudfunctions/_runtime/
 * cloudbase-main.ts, cloudbase-storage.ts, cloudbase-wx-open-api.ts). Each is replaced by a module that
 * throws, naming what was left out, if anything ever reaches into it.
 */
const UNUSED_PACKAGES = {
  // init() calls its generateHTTPClient inside a try/catch that ignores a failure: app.models stays unset.
  '@cloudbase/wx-cloud-client-sdk': 'app.models, app.mysql(), app.rdb() (data models and SQL databases)',
  // On CloudBase the SDK knows it runs there (TENCENTCLOUD_RUNENV=SCF, set by the platform) and never asks
  // the metadata service; elsewhere its lookup catches this module's error as it catches a failed request.
  axios: 'app.requestClient and the Tencent Cloud metadata lookup (made only outside cloud functions)',
  jsonwebtoken: 'app.auth().createTicket() (custom sign-in tickets)',
  // The phones upload attachments straight to storage; the functions only link and delete files.
  xml2js: 'app.uploadFile() (reading storage’s XML error answer)',
  // 133 KB of MIME types: form-data guesses a part's type from a file name, and the SDK's multipart calls
  // (callCompatibleWxOpenApi) append Buffers and strings, which have none.
  'mime-types': 'form-data’s content type from a file name (the SDK’s multipart calls send none)',
  // With debug and agent-base behind them; the functions' init() names no proxy.
  'http-proxy-agent': 'init({ proxy }) (sending the SDK’s requests through a proxy)',
  'https-proxy-agent': 'init({ proxy }) (sending the SDK’s requests through a proxy)',
};

/** Files of the SDK's own packages, left out for the same reason: the path's end, what it serves, its stand-in. */
const UNUSED_FILES = [
  {
    // The SDK's AI module, with @cloudbase/ai, @cloudbase/app and web-streams-polyfill behind it.
    path: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]ai[\\/]index\.js$/,
    serves: 'app.ai() (AI models)',
  },
  {
    // Real-time listeners open a WebSocket: the SDK sets no WebSocket class for its database, and Node 16
    // (the functions' runtime) has none, so `watch()` cannot connect in a function anyway.
    path: /@cloudbase[\\/]database[\\/]dist[\\/]esm[\\/]realtime[\\/]websocket-client\.js$/,
    serves: 'watch() (real-time listeners)',
    exports: ['RealtimeWebSocketClient'],
  },
];

/**
 * These two are bundled from their ES module builds (their package.json's `module`, published beside the
 * CommonJS one from the same source), which esbuild can trim to what is imported: about 50 KB less to
 * compile at every cold start than their CommonJS builds. The SDK itself has only a CommonJS build.
 */
const ES_MODULE_BUILDS = ['bson', '@cloudbase/database'];

function unusedMessage(what, serves) {
  return `${what} is not in the cloud functions' bundle of @cloudbase/node-sdk: it serves ${serves}, which they do not use (scripts/cloudbase-sdk-bundle.cjs)`;
}

/** A CommonJS module that throws on any use, so a call into a left-out part fails loudly rather than doing something else. */
function unusedModule(what, serves) {
  return `const fail = () => { throw new Error(${JSON.stringify(unusedMessage(what, serves))}); };
module.exports = new Proxy(function () {}, {
  // Interop helpers ask whether this is an ES module, and inspection asks for symbols: plain answers, not a throw.
  get: (_, key) => (key === '__esModule' || typeof key === 'symbol' ? undefined : fail()),
  apply: fail,
  construct: fail,
});`;
}

/** An ES module whose named exports are classes that throw when made (a Proxy's keys do not survive ESM interop). */
function unusedEsModule(what, serves, names) {
  const fail = `throw new Error(${JSON.stringify(unusedMessage(what, serves))});`;
  return names.map((name) => `export class ${name} { constructor() { ${fail} } }`).join('\n');
}

function sdkPackage() {
  const pkgPath = require.resolve('@cloudbase/node-sdk/package.json');
  return { dir: dirname(pkgPath), version: JSON.parse(readFileSync(pkgPath, 'utf8')).version };
}

function plugin(version) {
  const names = Object.keys(UNUSED_PACKAGES).map((n) => n.replace(/[/.]/g, (c) => `\\${c}`));
  return {
    name: 'cloudbase-sdk-unused',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'unused' }));
      build.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({ contents: unusedModule(args.path, UNUSED_PACKAGES[args.path]), loader: 'js' }));
      for (const file of UNUSED_FILES) {
        build.onLoad({ filter: file.path }, (args) => {
          const what = args.path.replace(/^.*node_modules[\\/]/, '');
          return { contents: file.exports ? unusedEsModule(what, file.serves, file.exports) : unusedModule(what, file.serves), loader: 'js' };
        });
      }
      build.onResolve({ filter: new RegExp(`^(${ES_MODULE_BUILDS.map((n) => n.replace(/[/.]/g, (c) => `\\${c}`)).join('|')})$`) }, (args) => {
        const pkgPath = require.resolve(`${args.path}/package.json`, { paths: [args.resolveDir] });
        return { path: join(dirname(pkgPath), JSON.parse(readFileSync(pkgPath, 'utf8')).module) };
      });
      // The SDK reads its version from its package.json beside it, which is not in the bundle: it is written
      // in (it travels in every request's headers).
      build.onLoad({ filter: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({ contents: `exports.version = ${JSON.stringify(version)};`, loader: 'js' }));
    },
  };
}

/** The package folder and licence text of each package that gave code to the bundle. */
function licensesOf(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = input.match(/^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/);
    if (match) dirs.add(match[1]);
  }
  return [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file; package.json: ${pkg.license ?? 'none'})`;
    return `== ${pkg.name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`;
  }).join('\n');
}

/**
 * Bundles @cloudbase/node-sdk as the functions carry it. Returns the code (CommonJS, `module.exports` the
 * SDK's own export), the licences of what it holds, and esbuild's metafile (bytes per input).
 */
async function bundleCloudbaseSdk() {
  const { build } = require('esbuild');
  const { dir, version } = sdkPackage();
  const { outputFiles, metafile } = await build({
    entryPoints: [join(dir, 'dist', 'index.js')],
    bundle: true,
    platform: 'node',
    // The functions' runtime (scripts/build-functions.mjs, server/deploy/deploy-plan.ts).
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    outfile: CLOUDBASE_SDK_FILE,
    logLevel: 'warning',
    plugins: [plugin(version)],
  });
  return { code: outputFiles[0].text, licenses: licensesOf(metafile), metafile, version };
}

module.exports = { bundleCloudbaseSdk, CLOUDBASE_SDK_FILE, CLOUDBASE_SDK_LICENSES_FILE, UNUSED_PACKAGES, UNUSED_FILES };
