/**
 * The 漏斗 funnel for `shop-stats report`: platform rows from each workbook's 平台数据 sheet (read alone with SheetJS,
 * the other sheets are not parsed) plus the log entries the report already read, computed by core computeFunnel —
 * the same numbers the kit's 漏斗 formulas and the pane show.
 */
import * as XLSX from '@e965/xlsx';
import type ExcelJS from 'exceljs';
import { serialToIso } from '../core/dates';
import { t } from '../core/i18n';
import { PLATFORM_SHEET, PLATFORM_TABLES, type PlatformKind } from '../core/platform/columns';
import { computeFunnel, FUNNEL_BLOCKS, FUNNEL_FORMATS, type FunnelData, type FunnelResult } from '../core/platform/funnel';
import { platform as P } from '../core/i18n/platform';
import { HEADER_FILL, TITLE_FONT } from './template/cells';
import { mergePlatformRows } from '../core/platform/merge';
import type { PlatformRow } from '../core/platform/parse';
import type { Lang } from '../core/schema';

/** 平台数据 rows of one workbook ({traffic: [], agents: []} when it has none). */
export function readPlatformRows(file: string): Record<PlatformKind, PlatformRow[]> {
  const out: Record<PlatformKind, PlatformRow[]> = { traffic: [], agents: [] };
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.readFile(file, { sheets: [PLATFORM_SHEET], dense: true });
  } catch {
    return out;
  }
  const ws = wb.Sheets[PLATFORM_SHEET];
  if (!ws) return out;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
  const head = rows[0] ?? [];
  for (const kind of ['traffic', 'agents'] as const) {
    const cols = PLATFORM_TABLES[kind].columns;
    // The table is where its headers stand side by side, in either language.
    const start = head.findIndex((_, s) => cols.every((c, i) => head[s + i] === c.zh || head[s + i] === c.en));
    if (start < 0) continue;
    for (const cells of rows.slice(1)) {
      const row: PlatformRow = {};
      cols.forEach((c, i) => {
        const v = cells[start + i];
        row[c.key] = v === null || v === undefined || v === '' ? null : c.type === 'date' ? (typeof v === 'number' ? serialToIso(v) : String(v)) : c.type === 'id' || c.type === 'text' ? String(v) : Number(v);
      });
      if (row.date !== null) out[kind].push(row);
    }
  }
  return out;
}

/** The funnel over several workbooks (an agency's clients together), or null when none holds platform data. */
export function funnelForFiles(files: readonly string[], log: FunnelData['log']): FunnelResult | null {
  const all: Record<PlatformKind, PlatformRow[]> = { traffic: [], agents: [] };
  for (const f of files) {
    const r = readPlatformRows(f);
    for (const kind of ['traffic', 'agents'] as const) all[kind] = mergePlatformRows(kind, all[kind], r[kind]).rows;
  }
  if (all.traffic.length === 0 && all.agents.length === 0) return null;
  return computeFunnel({ ...all, log });
}

/** Tab-separated text of the funnel blocks, like the other report tables. */
export function formatFunnelText(result: FunnelResult, lang: Lang): string {
  const lines: string[] = [];
  for (const block of FUNNEL_BLOCKS) {
    lines.push('', `== ${t(block.title, lang)}`);
    lines.push([t(block.keyHeader, lang), ...(block.labelHeader ? [t(block.labelHeader, lang)] : []), ...block.columns.map((c) => t(c.header, lang))].join('\t'));
    for (const row of result[block.id]) {
      const cells = block.columns.map((c) => {
        const v = row.values[c.id];
        if (v === null) return '';
        return c.format === 'percent' ? `${(v * 100).toFixed(2)}%` : c.format === 'money' ? v.toFixed(2) : String(v);
      });
      lines.push([row.key, ...(block.labelHeader ? [row.label ?? ''] : []), ...cells].join('\t'));
    }
  }
  return lines.join('\n');
}

/** `report --out`: the funnel blocks as a 漏斗 sheet of values (the kit template's 漏斗 keeps the live formulas). */
export function addFunnelValuesSheet(wb: ExcelJS.Workbook, result: FunnelResult, lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t(P.funnelSheet, lang));
  let row = 1;
  ws.getColumn(1).width = 14;
  for (const block of FUNNEL_BLOCKS) {
    ws.getCell(row, 1).value = t(block.title, lang);
    ws.getCell(row, 1).font = TITLE_FONT;
    row++;
    const headers = [t(block.keyHeader, lang), ...(block.labelHeader ? [t(block.labelHeader, lang)] : []), ...block.columns.map((c) => t(c.header, lang))];
    headers.forEach((h, i) => {
      const c = ws.getCell(row, i + 1);
      c.value = h;
      c.font = { bold: true };
      c.fill = HEADER_FILL;
    });
    row++;
    const offset = block.labelHeader ? 2 : 1;
    for (const r of result[block.id]) {
      const key = ws.getCell(row, 1);
      key.value = block.keyFormat === 'date' ? new Date(`${r.key}T00:00:00Z`) : r.key;
      key.numFmt = FUNNEL_FORMATS[block.keyFormat];
      if (block.labelHeader) ws.getCell(row, 2).value = r.label ?? '';
      block.columns.forEach((c, i) => {
        const cell = ws.getCell(row, offset + 1 + i);
        cell.value = r.values[c.id];
        cell.numFmt = FUNNEL_FORMATS[c.format];
      });
      row++;
    }
    row++;
  }
  return ws;
}
