/**
 * `shop-stats mask` on kit templates (zh and en) filled with rows whose free text holds personal data: the output
 * holds the masked text (read back with the kit's reader and SheetJS), every other cell unchanged, no original
 * personal data anywhere in the package, counts per column and kind; bad input exits 2 with one line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { readLog } from '../../src/cli/readLog';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import type { Lang, LogEntry } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { runCli } from './runCli';

const cli = runCli;

const PHONE = '13812345678';
const EMAIL = 'zhang.san@example.com';
const ID_CARD = '11010519491231002X';
const ADDRESS = '文三路88号';

function rows(): LogEntry[] {
  const out = generateRows(30, 5, { endDate: '2026-06-30' });
  out[2] = { ...out[2], note: `客户电话 ${PHONE}，邮箱 ${EMAIL}` };
  out[7] = { ...out[7], note: `送货到${ADDRESS}` };
  out[9] = { ...out[9], customerId: ID_CARD };
  out[11] = { ...out[11], note: `再联系 ${PHONE}` };
  return out;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-mask-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(['zh-CN', 'en-US'] as Lang[])('mask %s: masked free text, counts per column and kind, nothing else changed', async (lang) => {
  const input = path.join(dir, `log-${lang}.xlsx`);
  const out = path.join(dir, `masked-${lang}.xlsx`);
  await writeTemplate(input, { lang, rows: rows(), lists: SAMPLE_LISTS });
  const r = await cli(['mask', input, '--out', out, '--lang', lang, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ cells: 4, counts: { note: { mobile: 2, email: 1, address: 1 }, customerId: { idCard: 1 } } });

  const before = await readLog(input);
  const after = await readLog(out);
  const noteCol = before.sheets[0].positions.note!;
  const idCol = before.sheets[0].positions.customerId!;
  expect(after.sheets[0].rows[2].cells[noteCol]).toBe('客户电话 138****5678，邮箱 z***@example.com');
  expect(after.sheets[0].rows[7].cells[noteCol]).toBe('送货到文三路**号');
  expect(after.sheets[0].rows[9].cells[idCol]).toBe('1101**********002X');
  // Every other cell as it was.
  before.sheets[0].rows.forEach((row, i) => {
    row.cells.forEach((cell, c) => {
      if ([2, 7, 9, 11].includes(i) && (c === noteCol || c === idCol)) return;
      expect([i, c, after.sheets[0].rows[i].cells[c]]).toEqual([i, c, cell]);
    });
  });
  // No original left in any part of the package (shared strings included).
  const parts = unzipSync(fs.readFileSync(out));
  for (const [name, data] of Object.entries(parts)) {
    if (!name.endsWith('.xml')) continue;
    const xml = strFromU8(data);
    for (const secret of [PHONE, EMAIL, ID_CARD, ADDRESS]) expect([name, xml.includes(secret)]).toEqual([name, false]);
  }
  // An independent reader sees the masked text too.
  const sheet = XLSX.read(fs.readFileSync(out)).Sheets[XLSX.read(fs.readFileSync(out)).SheetNames[0]];
  expect(JSON.stringify(XLSX.utils.sheet_to_json(sheet, { header: 1 }))).toContain('138****5678');

  const text = await cli(['mask', input, '--out', out, '--lang', lang, '--force']);
  expect(text.stdout.split('\n')).toHaveLength(3);
  expect(text.stdout).toContain(lang === 'zh-CN' ? '手机号 2' : 'mobile numbers 2');
});

test('a log without personal data is written unchanged in content; bad input exits 2 with one line', async () => {
  const input = path.join(dir, 'clean.xlsx');
  await writeTemplate(input, { lang: 'zh-CN', rows: generateRows(5, 2, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
  const out = path.join(dir, 'clean-masked.xlsx');
  const r = await cli(['mask', input, '--out', out]);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toContain('没有发现个人信息');

  const missing = await cli(['mask', path.join(dir, 'none.xlsx'), '--out', path.join(dir, 'x.xlsx'), '--lang', 'en-US']);
  expect(missing.code).toBe(2);
  expect(missing.stderr.split('\n')).toHaveLength(1);
  expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  const taken = await cli(['mask', input, '--out', out]);
  expect(taken.code).toBe(2);
  expect(taken.stderr).toContain('--force');
  const help = await cli(['mask', '--help', '--lang', 'en-US']);
  expect(help.stdout).toContain('free-text columns');
});
