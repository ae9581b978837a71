/**
 * Render the CLI template's 报表 sheet to PNG (there is no Excel here to screenshot): the template with generated
 * sample rows → LibreOffice headless (always-recalculate profile) → PDF of the 报表 sheet only (the other sheets are
 * hidden in this copy) → pdftoppm PNG pages in test-results/.
 *
 *   npx tsx scripts/render-report-sheet.ts [--lang zh-CN|en-US] [--rows 800]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildTemplate } from '../src/cli/template/buildTemplate';
import { REPORT_SHEET, type Lang } from '../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../test/support/generateRows';
import { sofficeConvert } from '../test/oracle/soffice';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const lang = arg('lang', 'zh-CN') as Lang;
  const rows = Number(arg('rows', '800'));
  const outDir = path.resolve(__dirname, '..', 'test-results');
  const work = path.join(outDir, 'render-work');
  fs.mkdirSync(work, { recursive: true });

  const wb = buildTemplate({ lang, rows: generateRows(rows, 2026, { endDate: '2026-06-30', days: 90 }), lists: SAMPLE_LISTS });
  for (const ws of wb.worksheets) {
    if (ws.name !== REPORT_SHEET) ws.state = 'hidden';
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.findIndex((w) => w.name === REPORT_SHEET), visibility: 'visible' }];
  const base = `report-sheet-${lang}`;
  const xlsx = path.join(work, `${base}.xlsx`);
  await wb.xlsx.writeFile(xlsx);

  const [pdf] = sofficeConvert([xlsx], 'pdf', work);
  const finalPdf = path.join(outDir, `${base}.pdf`);
  fs.copyFileSync(pdf, finalPdf);
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(`${base}-`) && f.endsWith('.png')) fs.rmSync(path.join(outDir, f));
  execFileSync('pdftoppm', ['-png', '-r', '110', finalPdf, path.join(outDir, base)]);
  fs.rmSync(work, { recursive: true, force: true });
  const pngs = fs.readdirSync(outDir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort();
  process.stdout.write(`${finalPdf}\n${pngs.map((p) => path.join(outDir, p)).join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
