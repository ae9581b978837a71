/**
 * Render the kit template's 漏斗 and 计划 sheets to PNG (no Excel here to screenshot): the template with generated
 * log rows and platform data → LibreOffice headless (always-recalculate profile) → PDF of one sheet → pdftoppm PNG
 * pages in test-results/.
 *
 *   npx tsx scripts/render-operator-sheets.ts [--lang zh-CN|en-US]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildTemplate } from '../src/cli/template/buildTemplate';
import { t } from '../src/core/i18n';
import { platform as P } from '../src/core/i18n/platform';
import { mergePlatformRows } from '../src/core/platform/merge';
import { PLAN_SHEET } from '../src/core/platform/plan';
import type { Lang } from '../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../test/support/generateRows';
import { sofficeConvert } from '../test/oracle/soffice';
import { days, platformTruth, productTruthAsExported } from '../test/support/platformExports';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const lang = arg('lang', 'zh-CN') as Lang;
  const outDir = path.resolve(__dirname, '..', 'test-results');
  const work = path.join(outDir, 'render-work');
  fs.mkdirSync(work, { recursive: true });
  const truth = platformTruth(days('2026-11-02', 7), 5);
  const traffic = mergePlatformRows('traffic', mergePlatformRows('traffic', [], productTruthAsExported(truth.products)).rows, truth.shop).rows;
  const written: string[] = [];
  for (const sheet of [t(P.funnelSheet, lang), PLAN_SHEET]) {
    const wb = buildTemplate({ lang, rows: generateRows(300, 11, { endDate: '2026-11-08', days: 10 }), lists: SAMPLE_LISTS, platform: { traffic, agents: truth.agents } });
    for (const ws of wb.worksheets) if (ws.name !== sheet) ws.state = 'hidden';
    const ws = wb.getWorksheet(sheet)!;
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.findIndex((w) => w.name === sheet), visibility: 'visible' }];
    const base = `operator-${sheet === PLAN_SHEET ? 'plan' : 'funnel'}-${lang}`;
    const xlsx = path.join(work, `${base}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    const [pdf] = sofficeConvert([xlsx], 'pdf', work);
    for (const f of fs.readdirSync(outDir)) if (f.startsWith(`${base}-`) && f.endsWith('.png')) fs.rmSync(path.join(outDir, f));
    execFileSync('pdftoppm', ['-png', '-r', '110', pdf, path.join(outDir, base)]);
    written.push(...fs.readdirSync(outDir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort().map((p) => path.join(outDir, p)));
  }
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${written.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
