#!/usr/bin/env node
/**
 * pretest: the browser end-to-end tests need Chromium, the spreadsheet oracle needs LibreOffice (soffice),
 * screenshots/PDFs need CJK fonts, and the CLI reader tests read workbooks back with openpyxl (an independent reader). Tests never skip silently when these are missing: as root on Debian/Ubuntu this
 * installs them; anywhere else it stops with the exact command to run.
 */
'use strict';
const fs = require('fs');
const { spawnSync } = require('child_process');

const APT_PACKAGES = ['chromium', 'libreoffice-calc-nogui', 'fonts-noto-cjk', 'python3-openpyxl'];

function onPath(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

function hasCjkFont() {
  if (onPath('fc-list')) {
    const list = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
    return list.status === 0 && list.stdout.trim() !== '';
  }
  return fs.existsSync('/usr/share/fonts/opentype/noto');
}

function pathOf(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : '';
}

/** The browser tests use $CHROMIUM_PATH, else /usr/bin/chromium. */
function chromiumOk() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return fs.existsSync(explicit);
  if (fs.existsSync('/usr/bin/chromium')) return true;
  const elsewhere = pathOf('chromium');
  if (elsewhere) {
    process.stderr.write(`Chromium is at ${elsewhere}, not /usr/bin/chromium: run the tests with CHROMIUM_PATH=${elsewhere} npm test\n`);
    process.exit(1);
  }
  return false;
}

/** The spreadsheet oracle uses $SHOP_STATS_SOFFICE, else soffice / libreoffice on PATH. */
function sofficeOk() {
  const explicit = process.env.SHOP_STATS_SOFFICE;
  if (explicit) return fs.existsSync(explicit);
  return onPath('soffice') || onPath('libreoffice');
}

/** test/cli/xlsxFixtures.ts uses $SHOP_STATS_PYTHON, else /usr/bin/python3, else python3 on PATH, with openpyxl. */
function openpyxlOk() {
  const candidates = [process.env.SHOP_STATS_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  return candidates.some((py) => spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0);
}

/** What is missing, each with the apt package that provides it. */
function missing() {
  const gaps = [];
  if (!chromiumOk()) gaps.push({ what: 'Chromium (chromium)', apt: 'chromium' });
  if (!sofficeOk()) gaps.push({ what: 'LibreOffice Calc (soffice)', apt: 'libreoffice-calc-nogui' });
  if (!hasCjkFont()) gaps.push({ what: 'a Chinese (CJK) font', apt: 'fonts-noto-cjk' });
  if (!openpyxlOk()) gaps.push({ what: 'python3 with openpyxl', apt: 'python3-openpyxl' });
  return gaps;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebianLike = fs.existsSync('/etc/debian_version') && onPath('apt-get');

function installCommand(sudo) {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y ${APT_PACKAGES.join(' ')}`;
}

function main() {
  let gaps = missing();
  if (gaps.length === 0) {
    process.stdout.write('test prerequisites: chromium, soffice, a CJK font and openpyxl are installed\n');
    return;
  }
  process.stdout.write(`test prerequisites missing: ${gaps.map((g) => g.what).join(', ')}\n`);
  if (isRoot && isDebianLike) {
    const cmd = installCommand(false);
    process.stdout.write(`installing: ${cmd}\n`);
    const run = spawnSync('sh', ['-c', cmd], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    gaps = missing();
    if (run.status === 0 && gaps.length === 0) {
      process.stdout.write('test prerequisites installed\n');
      return;
    }
    process.stderr.write(`installation did not provide: ${gaps.map((g) => g.what).join(', ') || '(apt-get failed)'}\n`);
    process.exit(1);
  }
  const lines = ['The browser and spreadsheet tests cannot run without them (they are never skipped).'];
  if (isDebianLike) {
    lines.push('Install them with:', `  ${installCommand(true)}`, 'then run `npm test` again.');
  } else {
    lines.push(
      'On Debian/Ubuntu:',
      `  ${installCommand(true)}`,
      `Elsewhere install Chromium, LibreOffice and a CJK font, and point CHROMIUM_PATH and SHOP_STATS_SOFFICE at the binaries (missing: ${gaps
        .map((g) => g.apt)
        .join(', ')}).`,
    );
  }
  process.stderr.write(lines.join('\n') + '\n');
  process.exit(1);
}

main();
