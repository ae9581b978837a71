/**
 * `import --into`: the client workbook is opened with exceljs, its 平台数据 tables read, merged with the new export
 * rows in core, and 平台数据 and 漏斗 rewritten in place (same sheet position) by the kit's sheet writers. The log,
 * 报表, 字典, 计划 and every user sheet pass through untouched. The file is written to a temporary name and renamed,
 * so a failed write never leaves half a workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { serialToIso } from '../core/dates';
import { t } from '../core/i18n';
import { platform as P } from '../core/i18n/platform';
import { PLATFORM_SHEET, type PlatformKind } from '../core/platform/columns';
import type { FunnelData } from '../core/platform/funnel';
import type { PlatformRow } from '../core/platform/parse';
import { LOG_SHEET, mapHeaders, type Lang } from '../core/schema';
import { addFunnelSheet, addPlatformDataSheet, readPlatformDataSheet } from './template/platformSheets';
import './template/tableColumnFormula';

export interface PlatformWorkbook {
  wb: ExcelJS.Workbook;
  lang: Lang;
  rows: Record<PlatformKind, PlatformRow[]>;
}

export async function openPlatformWorkbook(file: string, fallbackLang: Lang): Promise<PlatformWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const log = wb.getWorksheet(LOG_SHEET);
  // The workbook's own language (its log headers) decides the headers of the sheets written into it.
  const a1 = log?.getCell(1, 1).value;
  const lang: Lang = a1 === 'Date' ? 'en-US' : a1 === '日期' ? 'zh-CN' : fallbackLang;
  return { wb, lang, rows: readPlatformDataSheet(wb) ?? { traffic: [], agents: [] } };
}

/** The log columns the funnel counts, read from the workbook in memory. */
export function logForFunnel(wb: ExcelJS.Workbook): FunnelData['log'] {
  const ws = wb.getWorksheet(LOG_SHEET);
  if (!ws) return [];
  const headerRow = ws.getRow(1);
  const headers: unknown[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cell.value));
  const { positions } = mapHeaders(headers);
  const at = (row: ExcelJS.Row, key: keyof typeof positions): unknown => {
    const i = positions[key];
    if (i === undefined) return null;
    const v = row.getCell(i + 1).value;
    return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
  };
  const out: FunnelData['log'][number][] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const d = at(row, 'date');
    const date = d instanceof Date ? d.toISOString().slice(0, 10) : typeof d === 'number' ? serialToIso(d) : typeof d === 'string' ? d : '';
    if (!date) return;
    out.push({ date, agent: String(at(row, 'agent') ?? ''), channel: String(at(row, 'channel') ?? ''), product: String(at(row, 'product') ?? ''), deal: String(at(row, 'deal') ?? '') });
  });
  return out;
}

/** Replace a sheet by a new one written by `add`, keeping its place among the sheets. */
function replaceSheet(wb: ExcelJS.Workbook, name: string, add: () => ExcelJS.Worksheet): void {
  const old = wb.getWorksheet(name);
  const order = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = add();
  if (order !== undefined) (ws as unknown as { orderNo: number }).orderNo = order;
}

export async function savePlatformWorkbook(pw: PlatformWorkbook, file: string): Promise<void> {
  replaceSheet(pw.wb, PLATFORM_SHEET, () => addPlatformDataSheet(pw.wb, pw.lang, pw.rows));
  replaceSheet(pw.wb, t(P.funnelSheet, pw.lang), () => addFunnelSheet(pw.wb, pw.lang, { ...pw.rows, log: logForFunnel(pw.wb) }, { cacheResults: true }));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await pw.wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, file);
  } finally {
    if (fs.existsSync(tmp)) fs.rmSync(tmp);
  }
}
