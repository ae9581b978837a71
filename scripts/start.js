#!/usr/bin/env node
/**
 * `npm start`: builds the add-in in development mode, serves it on https://localhost:3000 and loads it into Excel.
 * - Windows / macOS (desktop Excel can exist): sideloads manifest.xml with office-addin-debugging, fetched on demand
 *   with `npm exec` the first time (it is not a dependency: its tool chain builds the native keytar module, which a
 *   bare Linux machine cannot compile, and only desktop Excel needs it).
 * - Elsewhere (Linux): prints how to upload manifest.xml into Excel on the web, and keeps serving.
 * Set SHOP_STATS_NO_SIDELOAD=1 to only serve. Ctrl+C stops the server (and unregisters the sideloaded add-in).
 */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PANE_URL = `${makeConfig.DEV_BASE_URL}taskpane.html`;
// Pinned major: the CLI flags below are those of office-addin-debugging 7.
const DEBUGGING_PACKAGE = 'office-addin-debugging@7';

const canHaveDesktopExcel = process.platform === 'win32' || process.platform === 'darwin';

function webInstructions(selfSigned) {
  const trust = selfSigned
    ? [
        `  1. Trust the local certificate (self-signed, made by the dev server): open ${PANE_URL}`,
        '     in the browser you use for Excel and accept the warning (Advanced → Proceed to localhost).',
        '     Or, once: `npx office-addin-dev-certs install` (needs sudo), trust ~/.office-addin-dev-certs/ca.crt',
        '     in the browser\'s certificate settings (Authorities), then restart `npm start`.',
      ]
    : [
        `  1. The Office dev certificate (~/.office-addin-dev-certs) is in use; make sure your browser trusts`,
        `     ~/.office-addin-dev-certs/ca.crt (or open ${PANE_URL} once and accept it).`,
      ];
  return [
    '',
    'Desktop Excel is not available on this system. Load the add-in into Excel on the web:',
    ...trust,
    '  2. Open Excel on the web (https://excel.cloud.microsoft or office.com → Excel) and open a workbook.',
    '  3. Insert → Add-ins → My Add-ins → Upload My Add-in (newer layout: Home → Add-ins → More Add-ins →',
    '     My Add-ins → Upload My Add-in), then Browse… and choose:',
    `       ${MANIFEST}`,
    '  4. The 店铺统计 / Shop Stats tab appears on the ribbon; try =SHOP.ORDERS(2000, 1.5%) in a cell.',
    '',
    `Without Excel: ${PANE_URL}?demo runs the pane in this browser on an in-memory workbook.`,
    'Serving until Ctrl+C.',
    '',
  ].join('\n');
}

function debuggingCommand(args, platform = process.platform) {
  const npm = platform === 'win32' ? 'npm.cmd' : 'npm';
  return [npm, ['exec', '--yes', `--package=${DEBUGGING_PACKAGE}`, '--', 'office-addin-debugging', ...args]];
}

function runDebugging(args) {
  const [cmd, cmdArgs] = debuggingCommand(args);
  // A .cmd file can only be started through a shell on Windows (Node refuses it otherwise since 20.12).
  return spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: ROOT, shell: process.platform === 'win32' });
}

async function main() {
  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
  const selfSigned = config.devServer.server === 'https';
  config.stats = 'errors-warnings'; // keep the instructions readable; errors still print in full
  const compiler = webpack(config);
  const server = new WebpackDevServer(config.devServer, compiler);

  // Announce once, after the first successful compilation.
  let announced = false;
  const firstBuild = new Promise((resolve) => {
    compiler.hooks.done.tap('shop-stats-start', (stats) => {
      if (stats.hasErrors() || announced) return;
      announced = true;
      resolve();
    });
  });

  await server.start();
  process.stdout.write(`\nShop Stats dev server: ${PANE_URL}\n`);
  await firstBuild;

  let sideloaded = false;
  if (process.env.SHOP_STATS_NO_SIDELOAD) {
    process.stdout.write('SHOP_STATS_NO_SIDELOAD is set: serving only.\n');
  } else if (canHaveDesktopExcel) {
    process.stdout.write(`Sideloading manifest.xml into desktop Excel (${DEBUGGING_PACKAGE}, fetched on first use)…\n`);
    const run = runDebugging(['start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', '3000', '--no-debug']);
    sideloaded = run.status === 0;
    if (!sideloaded) {
      process.stdout.write('Could not start desktop Excel with the add-in; load it by hand instead:\n');
      process.stdout.write(webInstructions(selfSigned) + '\n');
    }
  } else {
    process.stdout.write(webInstructions(selfSigned) + '\n');
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (sideloaded) runDebugging(['stop', MANIFEST]);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch(fail);
}

function fail(err) {
  process.stderr.write(`npm start failed: ${err && err.message ? err.message : err}\n`);
  if (err && err.code === 'EADDRINUSE') process.stderr.write('Port 3000 is in use: stop the other server first.\n');
  process.exit(1);
}

module.exports = { webInstructions, debuggingCommand };
