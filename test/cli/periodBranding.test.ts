/**
 * `report --store … --profile`: the period and overview workbooks carry the agency's branding as the client
 * templates do — accent colour on the tab, page header and footer (agency, client, shop · platform), a band right
 * of the charts (agency, client, shop · platform in the accent colour) with the logo under it — in Chinese and
 * English, from a profile workbook and from JSON; the report's own cells stay where they were. A bad profile exits 2
 * with the profile reader's one line (the same line `template --profile` prints) and writes nothing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { runCollect } from '../../src/cli/commands/collect';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { openpyxlPython } from './xlsxFixtures';

jest.setTimeout(120_000);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => stdout.push(s), err: (s) => stderr.push(s), progress: false };
  const code = await main(args, io, { SHOP_STATS_LANG: '', LANG: 'C.UTF-8' });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const TODAY = '2026-03-16';

let dir: string;
let store: string;
let profileXlsx: string;
let profileJson: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-period-brand-'));
  store = path.join(dir, 's.duckdb');
  fs.writeFileSync(path.join(dir, 'logo.png'), PNG);
  // 李四批发 is on the example profile's roster (shop 李四工厂店, 1688); 东莞灯具 is not.
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  await writeTemplate(path.join(folder, '李四批发.xlsx'), { lang: 'zh-CN', rows: generateRows(300, 31, { endDate: '2026-03-15', days: 90 }), lists: SAMPLE_LISTS });
  await writeTemplate(path.join(folder, '东莞灯具.xlsx'), { lang: 'zh-CN', rows: generateRows(200, 32, { endDate: '2026-03-15', days: 90 }), lists: SAMPLE_LISTS });
  const quiet: Io = { out() {}, err() {}, progress: false };
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0, today: TODAY }, quiet)).toBe(0);

  profileXlsx = path.join(dir, '机构配置.xlsx');
  expect((await cli(['profile', 'init', '--out', profileXlsx])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(profileXlsx);
  wb.getWorksheet('机构')!.getCell('B4').value = 'logo.png';
  await wb.xlsx.writeFile(profileXlsx);
  profileJson = path.join(dir, 'agency.json');
  fs.writeFileSync(profileJson, JSON.stringify({ agency: 'Script & Co', color: '#1f6feb', clients: [{ client: '东莞灯具', shop: 'Lamp Store', platform: 'Tmall' }] }));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Branding {
  sheets: Array<{ tab: string | undefined; header: string | undefined; footer: string | undefined }>;
  /** The band: its three lines (top to bottom), their column (1-based) and fill colour. */
  band: { lines: unknown[]; column: number; fill: string | undefined };
  /** Last column (1-based) any chart reaches, and the pictures' first columns (1-based). */
  chartRight: number;
  pictures: number[];
  media: number;
}

/** Reads the branding back: the package's XML, exceljs for the band's fill, the drawing's anchors. */
async function branding(file: string, agency: string): Promise<Branding> {
  const parts = unzipSync(fs.readFileSync(file));
  const sheetParts = Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  const sheets = sheetParts.map((p) => {
    const xml = strFromU8(parts[p]);
    return {
      tab: /<tabColor rgb="([0-9A-F]+)"/.exec(xml)?.[1],
      header: /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1],
      footer: /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1],
    };
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  let top: ExcelJS.Cell | null = null;
  ws.eachRow((row) => row.eachCell((c) => void (c.value === agency && (top = c))));
  if (!top) throw new Error(`no band with ${agency}`);
  const at = top as ExcelJS.Cell;
  const column = Number(at.col);
  const lines = [1, 2, 3].map((r) => ws.getCell(Number(at.row) + r - 1, column).value);
  const fill = (at.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  const drawings = Object.keys(parts).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).map((p) => strFromU8(parts[p]));
  const anchors = drawings.flatMap((x) => [...x.matchAll(/<xdr:(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/xdr:\1>/g)].map((m) => m[0]));
  const fromCol = (a: string) => Number(/<xdr:from>\s*<xdr:col>(\d+)<\/xdr:col>/.exec(a)![1]) + 1;
  const toCol = (a: string) => Number(/<xdr:to>\s*<xdr:col>(\d+)<\/xdr:col>/.exec(a)?.[1] ?? -1) + 1;
  const charts = anchors.filter((a) => a.includes('<c:chart '));
  const pictures = anchors.filter((a) => a.includes('<xdr:pic>'));
  return {
    sheets,
    band: { lines, column, fill },
    chartRight: Math.max(0, ...charts.map(toCol)),
    pictures: pictures.map(fromCol),
    media: Object.keys(parts).filter((p) => /^xl\/media\/.*\.png$/.test(p)).length,
  };
}

function openpyxlSheets(file: string): string[] {
  const script = 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint("\\n".join(wb.sheetnames))';
  return execFileSync(openpyxlPython(), ['-c', script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n');
}

/** Every cell of the report's first sheet, as SheetJS reads it. */
function cells(file: string): Record<string, unknown> {
  const book = XLSX.read(fs.readFileSync(file));
  const ws = book.Sheets[book.SheetNames[0]];
  return Object.fromEntries(Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([k, c]) => [k, (c as XLSX.CellObject).v]));
}

test('zh: a client week report from a profile workbook carries the agency name, colour, logo and the roster shop', async () => {
  const plain = path.join(dir, '周报-无品牌.xlsx');
  const branded = path.join(dir, '周报.xlsx');
  const base = ['report', '--store', store, '--client', '李四批发', '--period', 'week', '--date', '2026-03-04'];
  expect(await cli([...base, '--out', plain])).toMatchObject({ code: 0 });
  const r = await cli([...base, '--out', branded, '--profile', profileXlsx]);
  expect(r).toEqual({ code: 0, stdout: expect.stringContaining(branded), stderr: '' });

  const b = await branding(branded, '杭州示例电商代运营');
  expect(b.sheets).toEqual([{ tab: 'FFC00000', header: '&amp;L&amp;B杭州示例电商代运营&amp;R李四批发', footer: '&amp;L李四工厂店 · 1688&amp;R第 &amp;P / &amp;N' }]);
  expect(b.band.lines).toEqual(['杭州示例电商代运营', '客户：李四批发', '李四工厂店 · 1688']);
  expect(b.band.fill).toBe('FFC00000');
  // The band and the logo right of the charts; the three charts are still there.
  expect(b.chartRight).toBeGreaterThan(1);
  expect(b.band.column).toBeGreaterThan(b.chartRight);
  expect(b.pictures).toEqual([b.band.column]);
  expect(b.media).toBe(1);
  expect(strFromU8(unzipSync(fs.readFileSync(branded))['[Content_Types].xml'])).toContain('png');
  expect(Object.keys(unzipSync(fs.readFileSync(branded))).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);

  // The report's own cells are those of the unbranded report; only the band is added.
  const before = cells(plain);
  const after = cells(branded);
  const added = Object.keys(after).filter((k) => !(k in before));
  expect(added.map((k) => after[k]).sort()).toEqual(['客户：李四批发', '李四工厂店 · 1688', '杭州示例电商代运营'].sort());
  for (const [k, v] of Object.entries(before)) expect([k, after[k]]).toEqual([k, v]);
  expect(openpyxlSheets(branded)).toEqual(['周报 2026-W10']);
});

test('en: --all-clients and --overview from a JSON profile; a client off the roster gets no shop line', async () => {
  const outDir = path.join(dir, 'monthly-en');
  const r = await cli(['report', '--store', store, '--all-clients', '--period', 'month', '--date', '2026-02', '--out-dir', outDir, '--profile', profileJson, '--lang', 'en-US']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const files = fs.readdirSync(outDir).sort();
  expect(files).toHaveLength(2);

  const lamp = await branding(path.join(outDir, files.find((f) => f.startsWith('东莞灯具'))!), 'Script & Co');
  expect(lamp.sheets).toEqual([{ tab: 'FF1F6FEB', header: '&amp;L&amp;BScript &amp;&amp; Co&amp;R东莞灯具', footer: '&amp;LLamp Store · Tmall&amp;RPage &amp;P / &amp;N' }]);
  expect(lamp.band.lines).toEqual(['Script & Co', 'Client: 东莞灯具', 'Lamp Store · Tmall']);
  expect(lamp.band.fill).toBe('FF1F6FEB');
  expect(lamp.pictures).toEqual([]);
  expect(lamp.media).toBe(0);

  const li = await branding(path.join(outDir, files.find((f) => f.startsWith('李四批发'))!), 'Script & Co');
  expect(li.band.lines).toEqual(['Script & Co', 'Client: 李四批发', '']);
  expect(li.sheets[0].footer).toBe('&amp;L&amp;RPage &amp;P / &amp;N');

  const overview = path.join(dir, 'overview-en.xlsx');
  expect((await cli(['report', '--store', store, '--overview', '--period', 'month', '--date', '2026-02', '--out', overview, '--profile', profileJson, '--lang', 'en-US'])).code).toBe(0);
  const o = await branding(overview, 'Script & Co');
  expect(o.sheets).toEqual([{ tab: 'FF1F6FEB', header: '&amp;L&amp;BScript &amp;&amp; Co&amp;RClient overview 2026-02', footer: '&amp;L&amp;RPage &amp;P / &amp;N' }]);
  expect(o.band.lines).toEqual(['Script & Co', 'Client overview 2026-02', '']);
  expect(o.band.column).toBeGreaterThan(o.chartRight);
  expect(o.chartRight).toBeGreaterThan(1);
  // The rows still start where the unbranded overview has them.
  expect(cells(overview).A4).toBeDefined();
  expect(openpyxlSheets(overview)).toEqual(['Client overview']);
});

test('zh: the overview from the profile workbook has the logo beside its chart', async () => {
  const overview = path.join(dir, '总览.xlsx');
  expect((await cli(['report', '--store', store, '--overview', '--period', 'week', '--date', '2026-03-04', '--out', overview, '--profile', profileXlsx])).code).toBe(0);
  const o = await branding(overview, '杭州示例电商代运营');
  expect(o.band.lines).toEqual(['杭州示例电商代运营', '客户总览 2026-W10', '']);
  expect(o.pictures).toEqual([o.band.column]);
  expect(o.sheets[0].header).toBe('&amp;L&amp;B杭州示例电商代运营&amp;R客户总览 2026-W10');
});

describe('a bad profile: exit 2, the profile reader\'s one line, nothing written', () => {
  test.each([
    ['zh-CN', /有误（clients\[0\]\.client）：客户名称为空/],
    ['en-US', /\(clients\[0\]\.client\): the client name is empty/],
  ] as const)('%s', async (lang, line) => {
    const bad = path.join(dir, `bad-${lang}.json`);
    fs.writeFileSync(bad, JSON.stringify({ agency: 'X', clients: [{ client: '' }] }));
    const out = path.join(dir, `never-${lang}.xlsx`);
    const r = await cli(['report', '--store', store, '--client', '李四批发', '--period', 'week', '--out', out, '--profile', bad, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    // The same line as the client templates print for that profile.
    const template = await cli(['template', '--profile', bad, '--out-dir', path.join(dir, 'never-dir'), '--lang', lang]);
    expect(r.stderr).toBe(template.stderr);
    expect(fs.existsSync(out)).toBe(false);

    const outDir = path.join(dir, `never-dir-${lang}`);
    const all = await cli(['report', '--store', store, '--all-clients', '--period', 'month', '--out-dir', outDir, '--profile', path.join(dir, 'missing.xlsx'), '--lang', lang]);
    expect(all.code).toBe(2);
    expect(all.stderr.split('\n')).toHaveLength(1);
    expect(all.stderr).toContain('missing.xlsx');
    expect(fs.existsSync(outDir)).toBe(false);
  });
});
