/**
 * Every kind of file the kit writes opens in three independent readers: openpyxl (Debian python3-openpyxl), SheetJS
 * and LibreOffice (converted to PDF, one soffice start for all): the template (zh, en), a branded client template,
 * the profile workbook, a report workbook, and the outputs of share, share --values and mask.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { sofficeConvert } from '../oracle/soffice';
import { runOpenpyxl } from './xlsxFixtures';

jest.setTimeout(180_000);

const io: Io = { out: () => undefined, err: () => undefined, progress: false };

test('template, client template, profile, report, share, share --values and mask outputs open in openpyxl, SheetJS and LibreOffice', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-kit-files-'));
  try {
    const f = (name: string) => path.join(dir, name);
    const rows = generateRows(120, 8, { endDate: '2026-06-30', days: 15 });
    rows[3] = { ...rows[3], note: '电话 13812345678' };
    await writeTemplate(f('template-zh.xlsx'), { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
    expect(await main(['template', '--out', f('template-en.xlsx'), '--lang', 'en-US'], io, {})).toBe(0);
    expect(await main(['profile', 'init', '--out', f('profile.xlsx')], io, {})).toBe(0);
    expect(await main(['template', '--profile', f('profile.xlsx'), '--out-dir', f('clients')], io, {})).toBe(0);
    expect(await main(['report', f('template-zh.xlsx'), '--out', f('report.xlsx')], io, {})).toBe(0);
    expect(await main(['share', f('template-zh.xlsx'), '--out', f('shared.xlsx')], io, {})).toBe(0);
    expect(await main(['share', f('template-zh.xlsx'), '--out', f('values.xlsx'), '--values'], io, {})).toBe(0);
    expect(await main(['mask', f('template-zh.xlsx'), '--out', f('masked.xlsx')], io, {})).toBe(0);
    const files = [
      'template-zh.xlsx', 'template-en.xlsx', 'profile.xlsx', path.join('clients', '李四批发.xlsx'), 'report.xlsx', 'shared.xlsx', 'values.xlsx', 'masked.xlsx',
    ].map(f);
    const sheets = runOpenpyxl<string[][]>(
      "import sys, json, warnings, openpyxl\nwarnings.simplefilter('ignore')\nprint(json.dumps([openpyxl.load_workbook(p).sheetnames for p in json.load(sys.stdin)]))",
      files,
    );
    files.forEach((file, i) => expect([file, sheets[i]]).toEqual([file, XLSX.read(fs.readFileSync(file)).SheetNames]));
    const pdfs = sofficeConvert(files, 'pdf', f('pdf'));
    for (const pdf of pdfs) expect([pdf, fs.statSync(pdf).size > 10_000]).toEqual([pdf, true]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
