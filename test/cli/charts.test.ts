/**
 * The kit template's charts (DESIGN "Reports" chart column): one DrawingML chart per report that names one, of the
 * kind the design gives, its series pointing at the report's live cells on 报表; the package stays readable by
 * openpyxl (which sees the charts) and SheetJS. LibreOffice renders them in test/oracle/libreoffice.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { planBlocks } from '../../src/cli/template/reportSheet';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { REPORT_SHEET, type Lang } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { runOpenpyxl } from './xlsxFixtures';
import { main } from '../../src/cli/main';
import { sofficeConvert } from '../oracle/soffice';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-charts-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KIND_XML: Record<string, RegExp> = {
  channel: /<c:barDir val="col"\/><c:grouping val="clustered"\/>/,
  region: /<c:barDir val="bar"\/><c:grouping val="clustered"\/>/,
  customerMix: /<c:barDir val="col"\/><c:grouping val="stacked"\/>[\s\S]*<c:overlap val="100"\/>/,
  noDealReasons: /<c:barDir val="bar"\/>/,
  agents: /<c:barDir val="col"\/><c:grouping val="clustered"\/>/,
  daily: /<c:lineChart>/,
};

test.each(['zh-CN', 'en-US'] as Lang[])('%s template: a chart per charted report, series on the report cells', async (lang) => {
  const file = path.join(dir, `t-${lang}.xlsx`);
  await writeTemplate(file, { lang, rows: generateRows(200, 9, { endDate: '2026-06-30', days: 30 }), lists: SAMPLE_LISTS });
  const parts = unzipSync(fs.readFileSync(file));
  const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  const blocks = planBlocks(lang, SAMPLE_LISTS).filter((b) => b.chart);
  expect(blocks.map((b) => b.id)).toEqual(Object.keys(KIND_XML));
  expect(charts).toHaveLength(blocks.length);
  blocks.forEach((block, i) => {
    const xml = strFromU8(parts[charts[i]]);
    expect([block.id, KIND_XML[block.id].test(xml)]).toEqual([block.id, true]);
    const first = block.chart!.series[0].values;
    const col = String.fromCharCode(64 + first.left);
    expect(xml).toContain(`<c:f>&apos;${REPORT_SHEET}&apos;!$${col}$${first.top}:$${col}$${first.bottom}</c:f>`.replace(/&apos;/g, "'"));
    expect((xml.match(/<c:ser>/g) ?? []).length).toBe(block.chart!.series.length);
  });
  expect(strFromU8(parts['[Content_Types].xml'])).toContain('/xl/charts/chart1.xml');
  const seen = runOpenpyxl<number>(
    "import sys, json, openpyxl\na = json.load(sys.stdin)\nprint(json.dumps(len(openpyxl.load_workbook(a['file'])[a['sheet']]._charts)))",
    { file, sheet: REPORT_SHEET },
  );
  expect(seen).toBe(blocks.length);
  expect(XLSX.read(fs.readFileSync(file)).SheetNames).toContain(REPORT_SHEET);
});

test('report --out: a chart beside each one-dimensional charted report; every kit file opens in LibreOffice', async () => {
  const log = path.join(dir, 'log.xlsx');
  await writeTemplate(log, { lang: 'zh-CN', rows: generateRows(150, 5, { endDate: '2026-06-30', days: 20 }), lists: SAMPLE_LISTS });
  const out = path.join(dir, 'report.xlsx');
  const io = { out: () => undefined, err: () => undefined, progress: false };
  expect(await main(['report', log, '--out', out], io, {})).toBe(0);
  const perSheet = runOpenpyxl<Record<string, number>>(
    "import sys, json, openpyxl\na = json.load(sys.stdin)\nwb = openpyxl.load_workbook(a['file'])\nprint(json.dumps({ws.title: len(ws._charts) for ws in wb.worksheets}))",
    { file: out },
  );
  expect(Object.values(perSheet).filter((n) => n === 1)).toHaveLength(5);
  expect(Object.values(perSheet).every((n) => n <= 1)).toBe(true);
  const profile = path.join(dir, 'profile.xlsx');
  expect(await main(['profile', 'init', '--out', profile], io, {})).toBe(0);
  // LibreOffice opens the template, the report workbook and the profile and prints them (charts included).
  const pdfs = sofficeConvert([log, out, profile], 'pdf', path.join(dir, 'pdf'));
  for (const pdf of pdfs) expect(fs.statSync(pdf).size).toBeGreaterThan(20_000);
}, 120_000);
