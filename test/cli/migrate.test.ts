/**
 * `shop-stats migrate` on version-1 kit workbooks (zh and en): rules on 5,000 spare rows below the log table, a user
 * column with a formula, a user sheet. After the upgrade every rule lies on the table's rows, the stamp says 2, and
 * every row, the user column, the user formula and the user sheet are as they were (read with the kit's reader and
 * openpyxl). Also --in-place (.bak), --dry-run, a newer version refused, an up-to-date file, and usage errors.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readLog } from '../../src/cli/readLog';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import type { Lang } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { runOpenpyxl } from './xlsxFixtures';
import { runCli } from './runCli';

jest.setTimeout(120_000);

const cli = runCli;

const ROWS = 25;
const SPARE = 5000;

/** User additions with openpyxl (a user sheet with a formula, a user column beside the table), and the stamp's version. */
const USER_EDITS = `
import sys, json, openpyxl
a = json.load(sys.stdin)
wb = openpyxl.load_workbook(a['file'])
log = wb[a['logSheet']]
log['T1'] = '店铺'
for r in range(2, a['rows'] + 2):
    log.cell(row=r, column=20, value='旗舰店' if r % 2 else '分销店')
log['U2'] = '=J2*2'
mine = wb.create_sheet('我的汇总')
mine['A1'] = '=SUM(' + a['logSheet'] + '!J2:J' + str(a['rows'] + 1) + ')'
d = wb['字典']
for row in d.iter_rows():
    for c in row:
        if c.value == 'version':
            d.cell(row=c.row, column=c.column + 1, value=a['version'])
wb.save(a['file'])
print(json.dumps(True))
`;

const READ_BACK = `
import sys, json, openpyxl
a = json.load(sys.stdin)
wb = openpyxl.load_workbook(a['file'])
log = wb[a['logSheet']]
print(json.dumps({'sheets': wb.sheetnames, 'U2': log['U2'].value, 'T': [log.cell(row=r, column=20).value for r in range(1, a['rows'] + 2)], 'mine': wb['我的汇总']['A1'].value}))
`;

/** The log sheet part: the one with the table and the highlight rules. */
function logSheetPart(files: Record<string, Uint8Array>): string {
  return Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && /<tableParts[\s\S]*/.test(strFromU8(files[n])) && strFromU8(files[n]).includes('<conditionalFormatting'))!;
}

function sqrefs(file: string): string[] {
  const files = unzipSync(fs.readFileSync(file));
  return [...strFromU8(files[logSheetPart(files)]).matchAll(/<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);
}

/** A version-1 kit workbook as the first release wrote it: every rule range runs 5,000 rows below the table. */
async function v1Workbook(file: string, lang: Lang, version = 1): Promise<void> {
  await writeTemplate(file, { lang, rows: generateRows(ROWS, 4, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
  runOpenpyxl<boolean>(USER_EDITS, { file, logSheet: '询盘统计', rows: ROWS, version });
  const files = unzipSync(fs.readFileSync(file));
  const part = logSheetPart(files);
  const xml = strFromU8(files[part]).replace(/(<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref=")([^"]+)"/g, (_m, head: string, sq: string) =>
    `${head}${sq.replace(/([A-Z]+)(\d+)(?=$|\s)/g, (_x, c: string, r: string) => (Number(r) === ROWS + 1 ? `${c}${ROWS + 1 + SPARE}` : `${c}${r}`))}"`,
  );
  fs.writeFileSync(file, zipSync({ ...files, [part]: strToU8(xml) }));
}

const lastRow = (ref: string) => Math.max(...[...ref.matchAll(/[A-Z]+(\d+)/g)].map((m) => Number(m[1])));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-migrate-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(['zh-CN', 'en-US'] as Lang[])('%s: v1 → v2 moves the rules onto the table, keeps everything else', async (lang) => {
  const file = path.join(dir, `client-${lang}.xlsx`);
  await v1Workbook(file, lang);
  const before = await readLog(file);
  expect(before.identity?.version).toBe(1);
  const oldRefs = sqrefs(file);
  // openpyxl (which added the user's columns) groups some rules; their number is whatever the file holds.
  expect(oldRefs.length).toBeGreaterThanOrEqual(15);
  expect(oldRefs.every((r) => lastRow(r) === ROWS + 1 + SPARE)).toBe(true);

  // Dry run: lists the changes, writes nothing.
  const dry = await cli(['migrate', file, '--dry-run', '--lang', lang]);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain(lang === 'zh-CN' ? '将从模板版本 1 升级到 2' : 'would upgrade template version 1 to 2');
  expect(dry.stdout).toContain(lang === 'zh-CN' ? `${oldRefs.length} 条校验/高亮规则` : `${oldRefs.length} validation/highlight rules`);
  const outDir = path.join(dir, `out-${lang}`);
  expect(fs.existsSync(outDir)).toBe(false);

  const r = await cli(['migrate', file, '--out-dir', outDir, '--lang', lang]);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  const out = path.join(outDir, path.basename(file));
  const after = await readLog(out);
  expect(after.identity?.version).toBe(2);
  const newRefs = sqrefs(out);
  expect(newRefs.length).toBe(oldRefs.length);
  expect(newRefs.every((ref) => lastRow(ref) === ROWS + 1)).toBe(true);
  // Every row and cell as it was; the user column, user formula and user sheet too.
  expect(after.sheets.map((s) => s.rows)).toEqual(before.sheets.map((s) => s.rows));
  const back = runOpenpyxl<{ sheets: string[]; U2: string; T: string[]; mine: string }>(READ_BACK, { file: out, logSheet: '询盘统计', rows: ROWS });
  const orig = runOpenpyxl<{ sheets: string[]; U2: string; T: string[]; mine: string }>(READ_BACK, { file, logSheet: '询盘统计', rows: ROWS });
  expect(back).toEqual(orig);
  expect(back.U2).toBe('=J2*2');
  expect(back.sheets).toContain('我的汇总');
  expect(sqrefs(file)).toEqual(oldRefs);

  // A second run finds it current.
  const again = await cli(['migrate', out, '--dry-run', '--lang', 'en-US']);
  expect(again).toMatchObject({ code: 0, stdout: `${out}: already template version 2, nothing to upgrade` });
});

test('--in-place keeps a .bak copy of the original; an existing output needs --force', async () => {
  const file = path.join(dir, 'inplace.xlsx');
  await v1Workbook(file, 'zh-CN');
  const original = fs.readFileSync(file);
  const r = await cli(['migrate', file, '--in-place', '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: 'upgraded', from: 1 });
  expect(fs.readFileSync(`${file}.bak`)).toEqual(original);
  expect((await readLog(file)).identity?.version).toBe(2);

  const other = path.join(dir, 'taken.xlsx');
  await v1Workbook(other, 'zh-CN');
  const outDir = path.join(dir, 'taken-out');
  fs.mkdirSync(outDir);
  fs.writeFileSync(path.join(outDir, 'taken.xlsx'), 'keep');
  const blocked = await cli(['migrate', other, '--out-dir', outDir]);
  expect(blocked.code).toBe(2);
  expect(fs.readFileSync(path.join(outDir, 'taken.xlsx'), 'utf8')).toBe('keep');
  expect((await cli(['migrate', other, '--out-dir', outDir, '--force'])).code).toBe(0);
});

test('a newer version, a workbook without a stamp and bad usage are refused with one line (exit 2)', async () => {
  const newer = path.join(dir, 'newer.xlsx');
  await v1Workbook(newer, 'zh-CN', 3);
  const bytes = fs.readFileSync(newer);
  const r = await cli(['migrate', newer, '--in-place', '--lang', 'en-US']);
  expect(r).toMatchObject({ code: 2, stdout: '' });
  expect(r.stderr).toBe(`${newer}: template version 3 is newer than 2, which this tool knows; not changed (update shop-stats)`);
  expect(fs.readFileSync(newer)).toEqual(bytes);
  expect(fs.existsSync(`${newer}.bak`)).toBe(false);

  const plain = path.join(dir, 'plain.xlsx');
  const book = unzipSync(fs.readFileSync(newer));
  // A workbook with no Meta_Template: drop the table parts' names so none is found.
  const tables = Object.fromEntries(Object.entries(book).map(([n, d]) => [n, /^xl\/tables\//.test(n) ? strToU8(strFromU8(d).replace(/Meta_Template/g, 'Something')) : d]));
  fs.writeFileSync(plain, zipSync(tables));
  const noStamp = await cli(['migrate', plain, '--dry-run', '--lang', 'en-US']);
  expect(noStamp).toMatchObject({ code: 2, stderr: `${plain}: no template stamp (Meta_Template on 字典), so its version is unknown; not changed` });

  expect((await cli(['migrate', plain, '--lang', 'en-US'])).stderr).toBe('give --out-dir DIR or --in-place (or --dry-run to only list the changes)');
  expect((await cli(['migrate', plain, '--in-place', '--out-dir', dir, '--lang', 'en-US'])).code).toBe(2);
  const missing = await cli(['migrate', path.join(dir, 'none.xlsx'), '--dry-run', '--lang', 'en-US']);
  expect(missing.code).toBe(2);
  expect(missing.stderr.split('\n')).toHaveLength(1);
  const help = await cli(['migrate', '--help', '--lang', 'zh-CN']);
  expect(help.stdout).toContain('--dry-run');
});
