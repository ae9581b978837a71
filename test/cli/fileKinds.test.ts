/**
 * Say what the file is: .xls, .ods, a password-protected workbook, a CSV renamed to .xlsx, an empty or damaged file
 * each get one line naming the kind and what to do, never a parser's text. Valid OOXML written with prefixed
 * namespaces (`<x:row>`) and Strict OOXML are read; `_xHHHH_` escapes are decoded before validation. Every
 * spreadsheet in the shared corpus of real files gets exit 0/1/2 and one clear line, never a stack trace or a hang.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { readLog } from '../../src/cli/readLog';
import { openArchive } from '../../src/cli/xlsx/zip';
import { isDateFormatCode } from '../../src/cli/xlsx/dateStyles';
import { DICT_SHEET, LISTS, LIST_KEYS, LOG_SHEET } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS, toRawRow } from '../support/generateRows';
import { buildCli, ROOT, runBin } from './buildCli';
import { openpyxlPython, openpyxlRows, runOpenpyxl, writeWorkbook, ZH_HEADERS } from './xlsxFixtures';
import { spawnSync } from 'child_process';
import { runCli } from './runCli';

// A copy of the shared corpus (SOURCES.txt names each file's repository, path and commit), kept in the repo so the
// tests run in any clone.
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'real-files');

const cli = runCli;

/** Copy a zip, passing every .xml/.rels part through a python expression over `s` (the part's text). */
function rewriteParts(src: string, dst: string, transform: string, only = '.*'): void {
  const script = `import sys, re, zipfile
src, dst, only = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
for info in zin.infolist():
    data = zin.read(info.filename)
    if (info.filename.endswith('.xml') or info.filename.endswith('.rels')) and only.search(info.filename):
        s = data.decode('utf-8')
${transform}
        data = s.encode('utf-8')
    zout.writestr(info.filename, data)
zout.close()`;
  const r = spawnSync(openpyxlPython(), ['-c', script, src, dst, only], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

let dir: string;
let logFile: string;
const rows = generateRows(30, 8, { endDate: '2026-06-30' });
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-kinds-'));
  logFile = path.join(dir, 'log.xlsx');
  await writeWorkbook(logFile, [{ name: LOG_SHEET, rows: [ZH_HEADERS, ...rows.map((r) => toRawRow(r))] }], SAMPLE_LISTS);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('files that are not .xlsx workbooks: one line naming the kind and what to do', () => {
  const corpus = (name: string) => path.join(CORPUS, name);
  const cases: Array<[string, () => string, string, string]> = [
    ['an .xls workbook', () => corpus('sheetjs__LONumbers.xls'),
      '这是旧版 .xls（或 WPS .et）工作簿；请在 Excel 或 WPS 中打开并“另存为” .xlsx 后再试',
      'this is an old .xls (or WPS .et) workbook; open it in Excel or WPS and save it as .xlsx'],
    ['an .ods spreadsheet', () => corpus('sheetjs__formula_stress_test.ods'),
      '这是 OpenDocument（.ods）表格；请在 LibreOffice、WPS 或 Excel 中打开并“另存为” .xlsx 后再试',
      'this is an OpenDocument (.ods) spreadsheet; open it in LibreOffice, WPS or Excel and save it as .xlsx'],
    ['a password-protected workbook', () => corpus('tafia__pass_protected.xlsx'),
      '工作簿设有打开密码；请在 Excel 中删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再试',
      'the workbook is password-protected; remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it) and save'],
    ['a CSV renamed to .xlsx', () => {
      const f = path.join(dir, 'export.xlsx');
      fs.writeFileSync(f, '\uFEFF日期,客服,客户ID\n2026-06-01,小李,TB1\n');
      return f;
    },
      '这是 CSV 或文本文件，不是 Excel 工作簿；请在 Excel 或 WPS 中打开并“另存为” .xlsx 后再试',
      'this is a CSV or text file, not an Excel workbook; open it in Excel or WPS and save it as .xlsx'],
    ['a damaged sheet part', () => corpus('exceljs__invalid-xml.xlsx'),
      '.xlsx 文件已损坏（xl/worksheets/sheet1.xml）；请在 Excel 中打开（必要时“打开并修复”）并重新保存',
      'the .xlsx file is damaged (xl/worksheets/sheet1.xml); open it in Excel (Open and Repair if needed) and save it again'],
    ['a zip that is not a workbook (a .docx renamed)', () => {
      const f = path.join(dir, 'letter.xlsx');
      const script = [
        'import sys, zipfile',
        "out = zipfile.ZipFile(sys.argv[1], 'w')",
        "out.writestr('[Content_Types].xml', '<Types xmlns=\"urn:ct\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>')",
        "out.writestr('word/document.xml', '<w:document xmlns:w=\"urn:w\"/>')",
        'out.close()',
      ].join('\n');
      expect(spawnSync(openpyxlPython(), ['-c', script, f]).status).toBe(0);
      return f;
    }, '不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx', 'not an Excel workbook; open it in Excel and save it as .xlsx'],
    ['an empty file', () => {
      const f = path.join(dir, 'empty.xlsx');
      fs.writeFileSync(f, '');
      return f;
    }, '文件是空的（0 字节）', 'the file is empty (0 bytes)'],
  ];
  it.each(cases)('%s', async (_, make, zh, en) => {
    const file = make();
    const z = await cli(['check', file]);
    expect(z.code).toBe(2);
    expect(z.stdout).toBe('');
    expect(z.stderr).toBe(`无法读取 ${file}：${zh}`);
    const e = await cli(['merge', file, '--out', path.join(dir, 'never.xlsx'), '--lang', 'en-US']);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(`Cannot read ${file}: ${en}`);
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });
});

describe('valid OOXML in other spellings', () => {
  const expectSameLog = async (file: string) => {
    const log = await readLog(file);
    const direct = await readLog(logFile);
    expect(log.sheets.map((s) => s.rows)).toEqual(direct.sheets.map((s) => s.rows));
    expect(log.lists).toEqual(direct.lists);
    const r = await cli(['check', file]);
    expect(r.stdout).toBe(`${file}：30 行，未发现问题`);
    expect(r.code).toBe(0);
  };

  it('prefixed SpreadsheetML namespaces (<x:worksheet>, <x:row>, <x:c>)', async () => {
    const file = path.join(dir, 'prefixed.xlsx');
    rewriteParts(
      logFile,
      file,
      `        s = s.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        s = re.sub(r'<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\\s/>])', r'<\\1x:\\2', s)`,
      '^xl/(workbook|sharedStrings|worksheets/sheet\\d+)\\.xml$',
    );
    const zip = await openArchive(file);
    const sheetXml = await zip.readAll('xl/worksheets/sheet1.xml');
    zip.close();
    expect(sheetXml).toContain('<x:row ');
    expect(sheetXml).not.toContain('<row ');
    // The rewritten file is valid for an independent reader too.
    expect(openpyxlRows(file, LOG_SHEET)[0].slice(0, 3)).toEqual(ZH_HEADERS.slice(0, 3));
    await expectSameLog(file);
  });

  it('Strict OOXML namespaces and relationship types', async () => {
    const file = path.join(dir, 'strict.xlsx');
    rewriteParts(
      logFile,
      file,
      `        s = s.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main')
        s = s.replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships')
        s = s.replace('<workbook ', '<workbook conformance="strict" ')`,
    );
    await expectSameLog(file);
  });
});

describe('the 1904 date system (old Mac Excel)', () => {
  it('date cells are shifted to the 1900 serials Office.js gives; amounts and quantities are not', async () => {
    const file = path.join(dir, 'mac-1904.xlsx');
    runOpenpyxl<null>(
      `import sys, json, datetime, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
a = json.load(sys.stdin)
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = a['log']
ws.append(a['headers'])
day0 = datetime.date(1899, 12, 30)
for r in a['rows']:
    ws.append([day0 + datetime.timedelta(days=v) if i in (0, 14, 17) and v is not None else v for i, v in enumerate(r)])
for row in ws.iter_rows(min_row=2):
    for i in (0, 14, 17):
        row[i].number_format = 'yyyy-mm-dd'
d = wb.create_sheet(a['dict'])
for r in a['dictRows']: d.append(r)
wb.save(a['file'])
print('null')`,
      {
        file,
        log: LOG_SHEET,
        dict: DICT_SHEET,
        headers: ZH_HEADERS,
        rows: rows.map((r) => toRawRow(r)),
        dictRows: [LIST_KEYS.map((k) => LISTS[k].zh), ...Array.from({ length: 40 }, (_, i) => LIST_KEYS.map((k) => SAMPLE_LISTS[k][i] ?? null))],
      },
    );
    const zip = await openArchive(file);
    expect(await zip.readAll('xl/workbook.xml')).toMatch(/date1904="(1|true)"/);
    zip.close();
    const log = await readLog(file);
    expect(log.sheets[0].rows.map((r) => r.cells)).toEqual(rows.map((r) => toRawRow(r)));
    const r = await cli(['check', file]);
    expect(r.stdout).toBe(`${file}：30 行，未发现问题`);
  });
});

describe('date formats (only 1904 workbooks need them)', () => {
  it.each([
    ['yyyy-mm-dd', true], ['yyyy"年"m"月"d"日"', true], ['[$-804]yyyy/m/d', true], ['[h]:mm:ss', true], ['m/d/yy h:mm', true],
    ['General', false], ['#,##0.00', false], ['[Red]#,##0.00', false], ['"Total: "0.00', false], ['#,##0 "件"', false], ['0.00E+00', false], ['\\d0', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });
});

describe('_xHHHH_ escapes', () => {
  it('are decoded before validation: 客户ID _x4E70__x5BB6_7 is 买家7, a _x0009_ in 备注 is a tab', async () => {
    const file = path.join(dir, 'escapes.xlsx');
    const raw = rows.slice(0, 2).map((r) => toRawRow(r));
    raw[0][2] = '_x4E70__x5BB6_7';
    raw[1][15] = '第一行_x0009_第二行';
    await writeWorkbook(file, [{ name: LOG_SHEET, rows: [ZH_HEADERS, ...raw] }], SAMPLE_LISTS);
    const log = await readLog(file);
    expect(log.sheets[0].rows.map((r) => [r.cells[2], r.cells[15]])).toEqual([['买家7', rows[0].note], [rows[1].customerId, '第一行\t第二行']]);
    const zh = await cli(['check', file]);
    expect(zh.stdout.split('\n').filter((l) => l.includes('错误:'))).toEqual([`${file}:3 备注 错误: 「备注」含有不可见的控制字符（如换行、制表符），请删除`]);
    const en = await cli(['check', file, '--lang', 'en-US']);
    expect(en.stdout.split('\n').filter((l) => l.includes(' error:'))).toEqual([`${file}:3 Note error: Note contains invisible control characters (such as line breaks or tabs); remove them`]);
  });
});

describe('the corpus of real files from other programs', () => {
  const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f !== 'SOURCES.txt').sort() : [];

  it('is there to test against', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('every file: exit 0/1/2, a one-line message in the user language, no stack trace, no hang', async () => {
    const outcomes: string[] = [];
    for (const f of files) {
      const file = path.join(CORPUS, f);
      for (const lang of ['zh-CN', 'en-US']) {
        let timer: NodeJS.Timeout | undefined;
        const r = await Promise.race([
          cli(['check', file, '--lang', lang]),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`check ${f} did not finish in 20 s`)), 20_000);
          }),
        ]).finally(() => clearTimeout(timer));
        const lines = r.stderr === '' ? [] : r.stderr.split('\n');
        const prefix = lang === 'zh-CN' ? `无法读取 ${file}：` : `Cannot read ${file}: `;
        const ok =
          (r.code === 2 && lines.length === 1 && lines[0].startsWith(prefix)) || ((r.code === 0 || r.code === 1) && lines.length === 0);
        if (!ok || /\n\s+at |Error:|undefined|TypeError/.test(r.stderr + r.stdout)) outcomes.push(`${f} [${lang}] exit ${r.code}: ${r.stderr}`);
      }
    }
    expect(outcomes).toEqual([]);
  }, 120_000);

  it('the compiled bin over all of them at once: exit 2, one line per unreadable file, no stack trace', () => {
    const bin = buildCli();
    try {
      const r = runBin(bin, ['check', ...files.map((f) => path.join(CORPUS, f))]);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBeLessThanOrEqual(files.length);
      for (const l of lines) expect(l).toMatch(/^无法读取 /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
    }
  }, 180_000);
});

describe('an unexpected failure', () => {
  it('prints one translated line, never the JavaScript error text', async () => {
    const file = path.join(dir, 'log.xlsx');
    for (const [lang, line] of [
      ['zh-CN', 'shop-stats：内部错误，未完成（设置 SHOP_STATS_DEBUG=1 可查看详情，请反馈给我们）'],
      ['en-US', 'shop-stats: internal error, nothing finished (set SHOP_STATS_DEBUG=1 for details and report it to us)'],
    ]) {
      const stderr: string[] = [];
      const io: Io = {
        out: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'cells')");
        },
        err: (s) => stderr.push(s),
        progress: false,
      };
      expect(await main(['check', file, '--lang', lang], io, {})).toBe(2);
      expect(stderr).toEqual([line]);
    }
  });
});
