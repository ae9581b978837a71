/**
 * The kit template (`shop-stats template`) is template version 2: validation and highlight rules only on the log
 * table's rows, never on rows below the table (they can stop Excel growing it — co-authoring-in-excel-add-ins).
 * Checked on the sheet XML the writer produces, with and without rows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { readLog } from '../../src/cli/readLog';
import { TEMPLATE_ID, TEMPLATE_VERSION } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-kit-rules-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The log sheet's table ref and every validation / conditional-format sqref. */
async function rulesOf(file: string): Promise<{ tableRef: string; sqrefs: string[] }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const tables = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  const logTable = tables.find((x) => /displayName="询盘统计"/.test(x))!;
  const tableRef = /\bref="([^"]+)"/.exec(logTable)![1];
  const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  const logSheet = sheets.find((x) => x.includes('<tableParts') && x.includes('<conditionalFormatting'))!;
  const sqrefs = [...logSheet.matchAll(/<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);
  return { tableRef, sqrefs };
}

const lastRow = (ref: string) => Number(/(\d+)$/.exec(ref)![1]);

test.each([0, 25])('%s rows: every rule lies within the table’s rows; stamped version 2', async (n) => {
  const file = path.join(dir, `t${n}.xlsx`);
  await writeTemplate(file, { lang: 'zh-CN', rows: generateRows(n, 3, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
  const { tableRef, sqrefs } = await rulesOf(file);
  expect(lastRow(tableRef)).toBe(Math.max(n, 1) + 1);
  // 10 validated columns and 10 highlight rules, each on rows 2..last of the table.
  expect(sqrefs.length).toBeGreaterThanOrEqual(20);
  for (const ref of sqrefs) for (const part of ref.split(' ')) expect([part, lastRow(part) <= lastRow(tableRef)]).toEqual([part, true]);
  const log = await readLog(file);
  expect(log.templateVersion).toBe(TEMPLATE_VERSION);
  // The identity stamp reads back whole; a template written for no particular agency or client has neither.
  expect(log.identity).toEqual({ templateId: TEMPLATE_ID, version: TEMPLATE_VERSION, agency: null, client: null });
  expect(TEMPLATE_VERSION).toBe(2);
});

test('agent and product lists warn (the shop\'s own lists: a new 客服 may type their own name); fixed lists stop', async () => {
  const file = path.join(dir, 'styles.xlsx');
  await writeTemplate(file, { lang: 'zh-CN', rows: [], lists: SAMPLE_LISTS });
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  const logSheet = sheets.find((x) => x.includes('<tableParts') && x.includes('<conditionalFormatting'))!;
  const styleOf = (listName: string) => {
    const dv = [...logSheet.matchAll(/<dataValidation\b([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].find((m) => m[2] === listName);
    return dv ? (/errorStyle="(\w+)"/.exec(dv[1])?.[1] ?? 'stop') : 'missing';
  };
  expect([styleOf('List_Agent'), styleOf('List_Product'), styleOf('List_CustomerType')]).toEqual(['warning', 'warning', 'stop']);
});
