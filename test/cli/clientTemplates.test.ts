/**
 * Agency profiles and one branded template per client: `profile init` (zh, en), `template --profile --out-dir`
 * from the workbook and from JSON, the identity stamp read back by the kit's reader, check and report, the agency's
 * lists on 字典, branding in the package (tab colour, page header/footer, band and logo on 报表), openpyxl and
 * SheetJS reading every file, never overwriting without --force, and bad profiles (exit 2, one line naming the place).
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
import { readLog } from '../../src/cli/readLog';
import { REPORT_SHEET } from '../../src/core/schema';
import { openpyxlPython } from './xlsxFixtures';

jest.setTimeout(120_000);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => stdout.push(s), err: (s) => stderr.push(s), progress: true };
  const code = await main(args, io, {});
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-clients-'));
  fs.writeFileSync(path.join(dir, 'logo.png'), PNG);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Edits the example profile workbook (exceljs reads it: it has no table formulas). */
async function editProfile(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

function openpyxlSheets(file: string): string[] {
  const script = 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint("\\n".join(wb.sheetnames))';
  return execFileSync(openpyxlPython(), ['-c', script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n');
}

test.each([
  ['zh-CN', '机构配置.xlsx', '机构', '客户'],
  ['en-US', 'profile.xlsx', 'Agency', 'Clients'],
] as const)('%s: profile init, then one branded, stamped template per client', async (lang, name, agencySheet, clientSheet) => {
  const profile = path.join(dir, name);
  const init = await cli(['profile', 'init', '--out', profile, '--lang', lang]);
  expect(init.code).toBe(0);
  await editProfile(profile, (wb) => {
    wb.getWorksheet(agencySheet)!.getCell('B4').value = 'logo.png';
    wb.getWorksheet(clientSheet)!.addRow(['A/B 店*', 'AB', '淘宝', '']);
  });
  const out = path.join(dir, `clients-${lang}`);
  const r = await cli(['template', '--profile', profile, '--out-dir', out, '--lang', lang]);
  expect(r.code).toBe(0);
  // A progress line per client on stderr, a summary on stdout.
  expect(r.stderr.split('\n')).toHaveLength(4);
  expect(r.stderr).toContain('[4/4] A/B 店*');
  const files = fs.readdirSync(out).sort();
  expect(files).toEqual(['A_B 店_.xlsx', '张三服饰旗舰店.xlsx', '李四批发.xlsx', '王五家居.xlsx'].sort());

  const file = path.join(out, '李四批发.xlsx');
  const log = await readLog(file);
  expect(log.identity).toEqual({
    templateId: 'shop-stats/inquiry-log',
    version: 2,
    agency: lang === 'zh-CN' ? '杭州示例电商代运营' : 'Hangzhou Example Agency',
    client: '李四批发',
  });
  // The agency's lists: agents and products replaced, channels extended.
  expect(log.lists!.agent).toEqual(['小王', '小李', '小张']);
  expect(log.lists!.product).toEqual(['连衣裙 A01', '衬衫 B02', '外套 C03']);
  expect(log.lists!.channel).toContain('抖音');
  expect(log.lists!.channel).toContain('微信');

  // check and report show the stamp.
  const check = await cli(['check', file, '--lang', lang]);
  expect(check.code).toBe(0);
  expect(check.stdout).toContain('李四批发');
  expect(check.stdout).toContain(lang === 'zh-CN' ? '代运营 杭州示例电商代运营' : 'agency Hangzhou Example Agency');
  const json = await cli(['check', file, '--json']);
  expect(JSON.parse(json.stdout).files[0].identity.client).toBe('李四批发');

  // Branding in the package: tab colour and print header/footer on each sheet, band and logo on 报表.
  const parts = unzipSync(fs.readFileSync(file));
  const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  expect(sheets.length).toBeGreaterThanOrEqual(5);
  for (const s of sheets) {
    const xml = strFromU8(parts[s]);
    expect(xml).toContain('tabColor rgb="FFC00000"');
    expect(xml).toMatch(/<oddHeader>&amp;L&amp;B(杭州示例电商代运营|Hangzhou Example Agency)&amp;R李四批发<\/oddHeader>/);
  }
  expect(Object.keys(parts).some((p) => /^xl\/media\/.*\.png$/.test(p))).toBe(true);
  const book = XLSX.read(fs.readFileSync(file));
  const report = book.Sheets[REPORT_SHEET];
  const band = Object.entries(report).filter(([a, c]) => !a.startsWith('!') && (c as XLSX.CellObject).v === (lang === 'zh-CN' ? '客户：李四批发' : 'Client: 李四批发'));
  expect(band).toHaveLength(1);
  // Independent readers open every file.
  for (const f of files) {
    expect(openpyxlSheets(path.join(out, f))).toEqual(XLSX.read(fs.readFileSync(path.join(out, f))).SheetNames);
  }

  // A second run would replace clients' workbooks: refused, nothing written; --force replaces.
  const before = fs.statSync(file).mtimeMs;
  const again = await cli(['template', '--profile', profile, '--out-dir', out, '--lang', lang]);
  expect(again.code).toBe(2);
  expect(again.stderr.split('\n')).toHaveLength(1);
  expect(fs.statSync(file).mtimeMs).toBe(before);
  expect((await cli(['template', '--profile', profile, '--out-dir', out, '--force', '--lang', lang])).code).toBe(0);
});

test('a JSON profile works the same', async () => {
  const profile = path.join(dir, 'agency.json');
  fs.writeFileSync(
    profile,
    JSON.stringify({
      agency: 'Script Agency',
      color: '1f6feb',
      lists: { product: { mode: 'replace', items: ['P1', 'P2'] }, 客服: ['Amy'] },
      clients: [{ client: 'Shop One', shop: 'S1', platform: 'Tmall' }, { client: 'Shop Two' }],
    }),
  );
  const out = path.join(dir, 'json-clients');
  const r = await cli(['template', '--profile', profile, '--out-dir', out, '--lang', 'en-US']);
  expect(r.code).toBe(0);
  const log = await readLog(path.join(out, 'Shop One.xlsx'));
  expect(log.identity).toMatchObject({ agency: 'Script Agency', client: 'Shop One' });
  expect(log.lists!.product).toEqual(['P1', 'P2']);
  expect(log.lists!.agent).toEqual(['客服1', '客服2', 'Amy']);
});

describe('bad profiles exit 2 with one line naming the cell or key', () => {
  async function badXlsx(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const file = path.join(dir, name);
    await cli(['profile', 'init', '--out', file, '--force']);
    await editProfile(file, edit);
    return file;
  }
  async function expectProblem(profile: string, text: RegExp): Promise<void> {
    const r = await cli(['template', '--profile', profile, '--out-dir', path.join(dir, 'never'), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(text);
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  }

  test('missing sheet', async () => {
    await expectProblem(await badXlsx('no-clients-sheet.xlsx', (wb) => wb.removeWorksheet(wb.getWorksheet('客户')!.id)), /\(客户 \/ Clients\): sheet missing/);
  });
  test('duplicate client', async () => {
    await expectProblem(await badXlsx('dup.xlsx', (wb) => wb.getWorksheet('客户')!.addRow(['李四批发'])), /\(客户!A5\): client "李四批发" appears twice/);
  });
  test('empty list', async () => {
    await expectProblem(
      await badXlsx('empty-list.xlsx', (wb) => {
        const ws = wb.getWorksheet('列表')!;
        for (let r = 3; r <= 5; r++) ws.getCell(`B${r}`).value = null;
      }),
      /\(列表!B1\): list "商品" has no items/,
    );
  });
  test('unreadable logo', async () => {
    await expectProblem(await badXlsx('bad-logo.xlsx', (wb) => (wb.getWorksheet('机构')!.getCell('B4').value = 'nope.png')), /\(机构!B4\): logo file "nope.png"/);
    fs.writeFileSync(path.join(dir, 'fake.png'), 'GIF89a not a png');
    await expectProblem(await badXlsx('gif-logo.xlsx', (wb) => (wb.getWorksheet('机构')!.getCell('B4').value = 'fake.png')), /is not a PNG/);
  });
  test('bad colour, fixed list, bad JSON key', async () => {
    await expectProblem(await badXlsx('colour.xlsx', (wb) => (wb.getWorksheet('机构')!.getCell('B3').value = 'red')), /\(机构!B3\): accent colour "red"/);
    await expectProblem(await badXlsx('fixed.xlsx', (wb) => (wb.getWorksheet('列表')!.getCell('A1').value = '是否成交')), /\(列表!A1\): list "是否成交" is used by/);
    const json = path.join(dir, 'bad.json');
    fs.writeFileSync(json, JSON.stringify({ agency: 'X', clients: [{ client: 'a' }, { client: '' }] }));
    await expectProblem(json, /\(clients\[1\]\.client\): the client name is empty/);
    fs.writeFileSync(json, '{ nope');
    await expectProblem(json, /\(\$\): not a valid JSON object/);
  });
  test('usage: --profile without --out-dir', async () => {
    const r = await cli(['template', '--profile', path.join(dir, 'agency.json'), '--lang', 'en-US']);
    expect(r).toMatchObject({ code: 2, stderr: '--profile needs --out-dir, the folder for the client templates' });
  });
});
