/**
 * The stand-alone template workbook (the same template the add-in inserts): 询盘统计 log, 报表 native-formula
 * reports, 字典 lists + names + identity. Plain OOXML features only, so Excel, WPS and LibreOffice open it.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { addCharts, reportCharts, type ReportChart } from './charts';
import { writeWithStreamedRows } from './streamRows';
import { defaultListValues, type Lang, type ListValues, type LogEntry } from '../../core/schema';
import { addDictSheet } from './dictSheet';
import { entryValues, type RowValues } from './cells';
import { addLogSheet, type ExtraColumn } from './logSheet';
import { addReportSheet } from './reportSheet';
import { applyBranding, clientTitle, type TemplateBrand } from './branding';
import { addFunnelSheet, addPlanSheet, addPlatformDataSheet } from './platformSheets';
import type { PlatformKind } from '../../core/platform/columns';
import type { PlatformRow } from '../../core/platform/parse';
import type { PlanInput } from '../../core/platform/plan';

export interface TemplateSpec {
  lang: Lang;
  /** Log rows to write (empty: the blank template with one empty row). */
  rows?: readonly LogEntry[];
  /** Rows as sheet values (merge keeps rows exactly as the clients typed them, valid or not). Used instead of rows. */
  rawRows?: readonly RowValues[];
  /** List contents for 字典 (defaults: the schema's lists). */
  lists?: ListValues;
  extraColumns?: readonly ExtraColumn[];
  /** Store cached formula results (default true). The oracle test turns this off so every value is recomputed. */
  cacheResults?: boolean;
  /** Imported platform rows for 平台数据 / 漏斗 (default: empty tables). */
  platform?: Record<PlatformKind, readonly PlatformRow[]>;
  /** Rows of the 计划 sheet (default: the seed example). */
  plan?: readonly PlanInput[];
  /** An agency's client template: branding and the agency/client identity stamp. */
  brand?: TemplateBrand;
  /**
   * writeTemplate streams the log rows into the file (bounded memory, see streamRows.ts) above this many rows
   * (default STREAM_ROWS_ABOVE); below it exceljs writes them.
   */
  streamRowsAbove?: number;
  /** Internal: build the log table with its placeholder row only (the rows are streamed in when written). */
  deferLogRows?: boolean;
}

/** Above this many rows the log is streamed into the file instead of held by exceljs (measured in bench/kit). */
export const STREAM_ROWS_ABOVE = 5000;

/** Charts to add to a built workbook's package when it is written (exceljs writes none; see charts.ts). */
const CHARTS = new WeakMap<ExcelJS.Workbook, { sheet: string; charts: ReportChart[] }>();

export function buildTemplate(spec: TemplateSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shop Stats';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  // Recalculate everything on open: rows written by the kit carry no (or only our own) cached values.
  wb.calcProperties.fullCalcOnLoad = true;
  // Deferred rows: the placeholder row carries the extra columns' styles only (their values come with the rows).
  const extraColumns = spec.deferLogRows ? spec.extraColumns?.map((e) => ({ ...e, values: [] })) : spec.extraColumns;
  addLogSheet(wb, { lang: spec.lang, rows: spec.deferLogRows ? [] : spec.rawRows ?? (spec.rows ?? []).map(entryValues), extraColumns, cacheResults: spec.cacheResults ?? true });
  const report = addReportSheet(wb, spec.lang, spec.lists ?? defaultListValues());
  addDictSheet(wb, spec.lang, spec.lists ?? defaultListValues(), spec.brand ? { agency: spec.brand.agency, client: spec.brand.client } : undefined);
  const platform = spec.platform ?? { traffic: [], agents: [] };
  addPlatformDataSheet(wb, spec.lang, platform);
  addFunnelSheet(wb, spec.lang, { ...platform, log: spec.rows ?? [] }, { cacheResults: spec.cacheResults ?? true });
  addPlanSheet(wb, spec.lang, { rows: spec.plan, cacheResults: spec.cacheResults ?? true, traffic: platform.traffic });
  // The band goes right of everything on 报表: the blocks and their charts.
  const reportRight = Math.max(...report.blocks.map((b) => Math.max(b.range.right, b.chart?.placement.right ?? 0)));
  if (spec.brand) applyBranding(wb, report.sheet, reportRight, spec.brand, clientTitle(spec.brand, spec.lang), spec.lang);
  CHARTS.set(wb, { sheet: report.sheet.name, charts: reportCharts(report.blocks) });
  return wb;
}

/** Writes a workbook built here, with its charts. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const extra = CHARTS.get(wb);
  if (!extra || extra.charts.length === 0) {
    await wb.xlsx.writeFile(file);
    return;
  }
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  addCharts(files, extra.sheet, extra.charts);
  fs.writeFileSync(file, zipSync(files, { level: 6 }));
}

export async function writeTemplate(file: string, spec: TemplateSpec): Promise<void> {
  const count = spec.rawRows?.length ?? spec.rows?.length ?? 0;
  if (count <= (spec.streamRowsAbove ?? STREAM_ROWS_ABOVE)) {
    await writeWorkbook(buildTemplate(spec), file);
    return;
  }
  const wb = buildTemplate({ ...spec, deferLogRows: true });
  const extra = CHARTS.get(wb);
  await writeWithStreamedRows(new Uint8Array(await wb.xlsx.writeBuffer()), file, spec.rawRows ?? (spec.rows ?? []).map(entryValues), {
    cacheResults: spec.cacheResults ?? true,
    extraColumns: spec.extraColumns,
    edit: (files) => {
      if (extra) addCharts(files, extra.sheet, extra.charts);
    },
  });
}
